package io.eventflow.publisher.adapter.in.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.publisher.application.port.in.PublishEventCommand;
import io.eventflow.schemas.EventSchemas;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchPublisherTest {

    private final List<CompletableFuture<PublishOutcome>> inFlight = new ArrayList<>();
    private final EventSubmitter submitter = new EventSubmitter(null, null) {
        @Override
        CompletionStage<PublishOutcome> submit(String typeLabel, Supplier<PublishEventCommand> parse) {
            parse.get();
            CompletableFuture<PublishOutcome> ack = new CompletableFuture<>();
            inFlight.add(ack);
            return ack;
        }
    };
    private final EventRequestParser parser = new EventRequestParser(EventSchemas.load(), new ObjectMapper(), 262_144);

    @Test
    void sendsEveryMemberBeforeAnyAcknowledgementAndAnswersInOrder() {
        BatchPublisher batches = new BatchPublisher(parser, submitter, 10);

        CompletableFuture<Response> response = batches.publish("[{},{},{}]", "test",
                (member, index) -> new PublishEventCommand("user_analytics", 1, Map.of(), "c")).toCompletableFuture();

        assertThat(inFlight).hasSize(3);
        assertThat(response).isNotDone();
        UUID first = UUID.randomUUID();
        inFlight.get(2).complete(new PublishOutcome.Unavailable());
        inFlight.get(1).complete(new PublishOutcome.Rejected("Invalid", List.of()));
        inFlight.get(0).complete(new PublishOutcome.Accepted(first));
        Response done = response.join();
        assertThat(done.getStatus()).isEqualTo(207);
        Map<?, ?> body = (Map<?, ?>) done.getEntity();
        assertThat(body.get("accepted")).isEqualTo(1L);
        assertThat(body.get("rejected")).isEqualTo(1L);
        assertThat(body.get("failed")).isEqualTo(1L);
        assertThat(body.get("results").toString()).startsWith("[{index=0, status=202, event_id=" + first);
    }

    @Test
    void refusesMoreMembersThanTheMaximumWithoutSendingAny() {
        BatchPublisher batches = new BatchPublisher(parser, submitter, 2);

        Response response = batches.publish("[{},{},{}]", "test", (member, index) -> null).toCompletableFuture().join();

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(inFlight).isEmpty();
    }
}
