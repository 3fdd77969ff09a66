package io.eventflow.publisher.adapter.in.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.publisher.application.port.in.PublishEventCommand;
import io.eventflow.schemas.Violation;
import io.eventflow.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes the members of a JSON array body as separate events and answers 207 with one result per member.
 * Every valid member is sent before any acknowledgement is awaited, so a batch costs about one broker round trip.
 */
@ApplicationScoped
class BatchPublisher {

    private final EventRequestParser parser;
    private final EventSubmitter submitter;
    private final int maxEvents;

    @Inject
    BatchPublisher(EventRequestParser parser, EventSubmitter submitter,
                   @ConfigProperty(name = "eventflow.batch.max-events", defaultValue = "500") int maxEvents) {
        this.parser = parser;
        this.submitter = submitter;
        this.maxEvents = maxEvents;
    }

    /** Reads one member of a batch into a command, throwing {@link InvalidEventException} when it is invalid. */
    @FunctionalInterface
    interface MemberReader {
        /** The command for the member at {@code index}. */
        PublishEventCommand read(JsonNode member, int index);
    }

    /** Publishes every member of {@code body} read with {@code reader}; 422 or 413 if the body is no usable batch. */
    CompletionStage<Response> publish(String body, String typeLabel, MemberReader reader) {
        JsonNode batch;
        try {
            batch = parser.readJson(body);
        } catch (InvalidEventException e) {
            return CompletableFuture.completedFuture(new PublishOutcome.Rejected(e.getMessage(), e.violations()).asResponse());
        }
        if (!batch.isArray() || batch.isEmpty()) {
            return CompletableFuture.completedFuture(new PublishOutcome.Rejected("Invalid batch",
                    List.of(new Violation("", "", "must be a JSON array of at least one event"))).asResponse());
        }
        if (batch.size() > maxEvents) {
            return CompletableFuture.completedFuture(Problems.problem(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "Batch too large", "A batch holds at most " + maxEvents + " events; this one has "
                            + batch.size() + ". Split it into smaller batches."));
        }
        List<CompletableFuture<PublishOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            JsonNode member = batch.get(i);
            int index = i;
            outcomes.add(submitter.submit(typeLabel, () -> reader.read(member, index)).toCompletableFuture());
        }
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .thenApply(done -> multiStatus(outcomes.stream().map(CompletableFuture::join).toList()));
    }

    private static Response multiStatus(List<PublishOutcome> outcomes) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("index", i);
            result.putAll(outcomes.get(i).asItem());
            results.add(result);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", count(outcomes, 202));
        body.put("rejected", outcomes.stream().filter(outcome -> outcome instanceof PublishOutcome.Rejected).count());
        body.put("failed", count(outcomes, 503));
        body.put("results", results);
        return Response.status(207).type("application/json").entity(body).build();
    }

    private static long count(List<PublishOutcome> outcomes, int status) {
        return outcomes.stream().filter(outcome -> outcome.status() == status).count();
    }
}
