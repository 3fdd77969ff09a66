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
 * Answers 400 problem details for a body that is not valid UTF-8, the only encoding JSON may use (RFC 8259).
 * Without it the body would be decoded with U+FFFD in place of the bad bytes, and an event the client never sent
 * would be accepted. Runs after {@link BodySizeLimitFilter}, so the body it reads is bounded.
 */
@Provider
@Priority(Priorities.ENTITY_CODER + 10)
@ApplicationScoped
public class Utf8BodyFilter implements ContainerRequestFilter {

    private final int maxBytes;

    /** Creates the filter; it reads at most {@code eventflow.http.max-body-bytes} (+1) bytes. */
    @Inject
    public Utf8BodyFilter(@ConfigProperty(name = "eventflow.http.max-body-bytes", defaultValue = "1048576")
                          int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return;
        }
        byte[] body = request.getEntityStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            request.abortWith(Problems.problem(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Request body too large",
                    "The body may be at most " + maxBytes + " bytes. Send fewer or smaller events per request."));
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
