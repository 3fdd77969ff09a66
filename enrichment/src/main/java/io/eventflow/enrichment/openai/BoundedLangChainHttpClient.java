package io.eventflow.enrichment.openai;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Clock;
import java.time.Duration;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import io.eventflow.enrichment.backend.BoundedHttp;

/**
 * LangChain4j's HTTP client SPI on the JDK client, for two things its own JDK client lacks: the
 * Retry-After header of a 429 (it drops headers on errors) and a bound on the body size. It throws our
 * {@code BackendException}s, which LangChain4j passes through unchanged when it is not retrying.
 */
final class BoundedLangChainHttpClient implements HttpClient {

    private final BoundedHttp http;
    private final Duration readTimeout;

    private BoundedLangChainHttpClient(Builder builder) {
        // HTTP/1.1: one request per call gains nothing from HTTP/2, and some plain-http local
        // servers mishandle the h2c upgrade the JDK client would attempt.
        // fully qualified: LangChain4j's HttpClient and HttpRequest are the imported names here
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1);
        if (builder.connectTimeout != null) {
            jdk.connectTimeout(builder.connectTimeout);
        }
        this.http = new BoundedHttp(jdk.build(), builder.clock);
        this.readTimeout = builder.readTimeout;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        // fully qualified: LangChain4j's HttpRequest is the imported name here
        java.net.http.HttpRequest.Builder jdkRequest = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .method(request.method().name(), request.body() == null
                        ? BodyPublishers.noBody() : BodyPublishers.ofString(request.body()));
        request.headers().forEach((name, values) -> values.forEach(value -> jdkRequest.header(name, value)));
        if (readTimeout != null) {
            jdkRequest.timeout(readTimeout);
        }
        BoundedHttp.Reply reply = http.send(jdkRequest.build());
        return SuccessfulHttpResponse.builder()
                .statusCode(reply.status()).headers(reply.headers().map()).body(reply.body()).build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        // Enrichment asks for whole answers only; streaming would bypass the size bound.
        listener.onError(new UnsupportedOperationException("streaming is not supported"));
    }

    /** Builds the client; LangChain4j sets the timeouts from the model's settings. */
    static final class Builder implements HttpClientBuilder {

        private final Clock clock;
        private Duration connectTimeout;
        private Duration readTimeout;

        Builder(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new BoundedLangChainHttpClient(this);
        }
    }
}
