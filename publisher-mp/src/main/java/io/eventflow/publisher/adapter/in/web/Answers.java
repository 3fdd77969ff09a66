package io.eventflow.publisher.adapter.in.web;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.core.Response;

/**
 * Waits for a publish's answer on the request's own thread (a virtual thread in Helidon 4, so waiting is cheap).
 * Returning the stage to Jersey instead would resume the request on the thread that completes it - Kafka's single
 * producer I/O thread - so response filters, access logging and writing of every request would queue there.
 */
final class Answers {

    private Answers() {
    }

    /** The response, once the stage completed (the publish stages always complete normally). */
    static Response await(CompletionStage<Response> answer) {
        return answer.toCompletableFuture().join();
    }
}
