package io.eventflow.publisher.adapter.in.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.eventflow.web.Problems;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a request body once, before any resource reads it: 413 problem details for a body over
 * {@code eventflow.http.max-body-bytes} (by its {@code Content-Length}, or, for a chunked body, by reading at most
 * one byte past the limit), and 400 for a body that is not valid UTF-8, the only encoding JSON may use (RFC 8259);
 * without that the body would be decoded with U+FFFD in place of the bad bytes, and an event the client never sent
 * would be accepted. Runs after authentication and rate limiting, so an anonymous client cannot make the server read
 * a body.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
@ApplicationScoped
public class RequestBodyFilter implements ContainerRequestFilter {

    private final int maxBytes;

    /** Creates the filter; it reads at most {@code eventflow.http.max-body-bytes} (+1) bytes. */
    @Inject
    public RequestBodyFilter(@ConfigProperty(name = "eventflow.http.max-body-bytes", defaultValue = "1048576")
                             int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return;
        }
        if (request.getLength() > maxBytes) {
            request.abortWith(tooLarge());
            return;
        }
        byte[] body = request.getEntityStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            request.abortWith(tooLarge());
            return;
        }
        int bad = firstMalformedByte(body);
        if (bad >= 0) {
            request.abortWith(Problems.problem(Response.Status.BAD_REQUEST, "Body is not UTF-8",
                    "The body's byte " + bad + " (counting from 0) is not valid UTF-8. JSON must be sent as UTF-8"
                            + " (RFC 8259): encode the body as UTF-8."));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private Response tooLarge() {
        return Problems.problem(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Request body too large",
                "The body may be at most " + maxBytes + " bytes. Send fewer or smaller events per request.");
    }

    /** The offset of the first byte that is not part of a valid UTF-8 sequence, or -1 if there is none. */
    static int firstMalformedByte(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isOverflow()) {
                out.clear();
            } else {
                return -1;
            }
        }
    }
}
