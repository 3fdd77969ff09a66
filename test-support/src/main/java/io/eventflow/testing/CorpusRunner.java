package io.eventflow.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.engine.SourceOfRandomness;
import java.util.concurrent.atomic.AtomicInteger;
import java.net.http.HttpTimeoutException;
import java.io.IOException;

/**
 * Sends generated requests to a running service, a few at a time, and collects every case that broke the
 * property (a 5xx, no answer within the timeout, or the caller's own check). Cases come from jqwik arbitraries
 * drawn with a seeded random, so a failure is reproduced with {@code -Dcorpus.seed=<seed>}. Both services' bad-input
 * corpora ({@code BadInputCorpusIT}) run through it.
 */
public final class CorpusRunner {

    /** How long one request may take before it counts as a hang. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int PARALLEL = 6;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final long seed = Long.getLong("corpus.seed", System.nanoTime());
    private boolean seeded;
    private final AtomicInteger closed = new AtomicInteger();

    /** One generated request. */
    /** One generated request: what kind of input it tries, and the request itself. */
    public record Case(String kind, String method, String pathAndQuery, Map<String, String> headers, byte[] body) {

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
            return kind + " " + method + " " + (pathAndQuery.length() > 200 ? pathAndQuery.substring(0, 200) + "..."
                    : pathAndQuery) + " headers=" + headers.keySet() + " body[" + (body == null ? 0 : body.length)
                    + "]=" + shown.replaceAll("\\p{Cntrl}", "?");
        }
    }

    /** How many requests the server answered by closing the connection. */
    public int closedConnections() {
        return closed.get();
    }

    /** The seed the cases are drawn with. */
    public long seed() {
        return seed;
    }

    /** Draws {@code count} cases from the arbitrary, on the calling thread. */
    public <T> List<T> draw(Arbitrary<T> arbitrary, int count) {
        // outside a jqwik property only sampleStream() may draw (it sets up jqwik's context); it takes jqwik's
        // thread-local random, which is seeded once here so that a run can be repeated
        if (!seeded) {
            SourceOfRandomness.create(Long.toString(seed));
            seeded = true;
        }
        return arbitrary.sampleStream().limit(count).toList();
    }

    /**
     * Sends every case to {@code base}; returns the failures, each naming the case. {@code check} returns null when
     * the answer is fine, else why it is not; 5xx and time-outs are failures whatever it says.
     */
    public List<String> run(String base, List<Case> cases, BiFunction<Case, HttpResponse<String>, String> check)
            throws Exception {
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Case c : cases) {
                sent.add(pool.submit(() -> failures.addAll(send(base, c, check))));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return List.copyOf(failures);
    }

    /**
     * Runs every endpoint's cases, prints a line per endpoint and a summary (with the seed that repeats the run) and
     * the first failures, and returns the cases run and the failures.
     */
    public Outcome runAll(String service, String base, Map<String, List<Case>> corpus,
                          BiFunction<Case, HttpResponse<String>, String> check) throws Exception {
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, List<Case>> endpoint : corpus.entrySet()) {
            List<String> found = run(base, endpoint.getValue(), check);
            total += endpoint.getValue().size();
            System.out.printf("[corpus] %s %-38s %5d cases, %d failures%n", service, endpoint.getKey(),
                    endpoint.getValue().size(), found.size());
            failures.addAll(found);
        }
        System.out.printf("[corpus] %s: %d cases, %d failures, %d answered by closing the connection, "
                        + "%.1f s, seed %d (rerun with -Dcorpus.seed=%d)%n", service, total, failures.size(),
                closedConnections(), (System.nanoTime() - started) / 1e9, seed, seed);
        failures.stream().limit(20).forEach(failure -> System.out.println("[corpus] FAILED " + failure));
        return new Outcome(total, List.copyOf(failures));
    }

    /** What a corpus run found: the cases sent and those that broke the property. */
    public record Outcome(int total, List<String> failures) {
    }

    private List<String> send(String base, Case c, BiFunction<Case, HttpResponse<String>, String> check) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + c.pathAndQuery())).timeout(TIMEOUT);
            c.headers().forEach(request::header);
            request.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(c.body()));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                return List.of(response.statusCode() + " for " + c + " -> " + response.body());
            }
            String problem = check.apply(c, response);
            return problem == null ? List.of() : List.of(problem + " for " + c + " -> " + response.statusCode() + " "
                    + response.body());
        } catch (HttpTimeoutException e) {
            return List.of("no answer within " + TIMEOUT.toSeconds() + " s (hang) for " + c);
        } catch (IOException e) {
            // the server may close a connection on a request it cannot parse; that is an answer, not a hang (and
            // the valid request sent after the corpus shows the service is still there)
            closed.incrementAndGet();
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("interrupted at " + c);
        } catch (IllegalArgumentException e) {
            return List.of("the generator made a request the HTTP client refuses (" + e.getMessage() + "): " + c);
        }
    }

    /** Strings meant to break parsers, queries, logs and storage. */
    public static Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars("\u0000\n\r\t\u001b\u007f\u0085\u2028\"\\'<>%{}[]&=?#/;:")
                        .ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().ascii().ofMinLength(256).ofMaxLength(4000),
                Arbitraries.of("../../etc/passwd", "..%2F..%2Fetc", "%00", "'; DROP TABLE events; --",
                        "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "\uFEFF", "\uD800", "NaN", "-1", "1e309",
                        "99999999999999999999", "0x7fffffff", "", " ", "null", "true", "[]", "{}"));
    }

    /** Header values the HTTP client can send: visible ASCII and spaces, up to 1000 characters. */
    public static Arbitrary<String> hostileHeaderValue() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0021', '\u007e').withChars(' ').ofMinLength(1).ofMaxLength(60),
                Arbitraries.strings().withCharRange('\u0021', '\u007e').ofMinLength(256).ofMaxLength(1000),
                Arbitraries.of("0", "-1", "null", "' OR 1=1 --", "%0d%0aSet-Cookie: x=1", "a,b,c", "()"));
    }

    /** A query string of up to four generated parameters (names and values percent-encoded), or none. */
    public static Arbitrary<String> hostileQuery() {
        Arbitrary<String> pair = net.jqwik.api.Combinators.combine(
                Arbitraries.oneOf(Arbitraries.of("limit", "type", "id", "user_id", "callback"), hostileText()),
                hostileText()).as((name, value) -> encode(name) + "=" + encode(value));
        return Arbitraries.oneOf(Arbitraries.just(""),
                pair.list().ofMinSize(1).ofMaxSize(4).map(pairs -> "?" + String.join("&", pairs)));
    }

    /** Percent-encodes a path segment or a query part (control characters included). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
