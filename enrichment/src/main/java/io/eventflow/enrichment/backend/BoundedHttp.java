package io.eventflow.enrichment.backend;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.net.http.HttpHeaders;

/** Sends one request with the JDK client and reads at most {@link #MAX_BODY_BYTES} of the answer. */
public final class BoundedHttp {

    /** A larger body is refused: a chat completion for our prompt is a few KiB. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private final HttpClient client;
    private final Clock clock;

    /** Creates a sender on the given client; {@code clock} reads Retry-After dates. */
    public BoundedHttp(HttpClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** A 2xx answer. */
    public record Reply(int status, HttpHeaders headers, String body) {
    }

    /**
     * Sends the request and returns a 2xx answer.
     *
     * @throws BackendException for any other status, a timeout, a broken connection or an oversized body
     */
    public Reply send(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body = readBounded(response.body());
            if (response.statusCode() / 100 != 2) {
                throw HttpFailures.fromStatus(response.statusCode(), body,
                        response.headers().firstValue("Retry-After").orElse(null), clock);
            }
            return new Reply(response.statusCode(), response.headers(), body);
        } catch (HttpTimeoutException e) {
            throw new TransientBackendException(FailureKind.TIMEOUT, "no answer within the timeout", e);
        } catch (IOException e) {
            throw new TransientBackendException(FailureKind.CONNECTION,
                    "connection failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientBackendException(FailureKind.INTERRUPTED, "interrupted while waiting for the answer", e);
        }
    }

    private static String readBounded(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new PermanentBackendException(FailureKind.INVALID_ANSWER,
                        "answer body exceeds " + MAX_BODY_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
