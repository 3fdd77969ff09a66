package io.eventflow.publisher.adapter.in.web;

import io.eventflow.web.CorrelationIdFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * CloudEvents 1.0 over HTTP, in structured, binary and batched mode.
 * <pre>
 * curl -X POST localhost:8080/api/v1/events -H 'Content-Type: application/cloudevents+json' \
 *   -d '{"specversion":"1.0","id":"a-1","source":"/web","type":"io.eventflow.user_analytics.v1",
 *        "data":{"user_id":"user-123","event_type":"click","timestamp":"2024-01-01T12:00:00Z"}}'
 * curl -X POST localhost:8080/api/v1/events -H 'Content-Type: application/json' -H 'ce-specversion: 1.0' \
 *   -H 'ce-id: a-2' -H 'ce-source: /web' -H 'ce-type: user_analytics' \
 *   -d '{"user_id":"user-123","event_type":"click","timestamp":"2024-01-01T12:00:00Z"}'
 * </pre>
 * 202 with the event id once the broker has the event; a batch answers 207 with one result per event.
 */
@Path("/api/v1/events")
@ApplicationScoped
public class CloudEventResource {

    /** Structured mode. */
    public static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
    /** Batched mode. */
    public static final String CLOUDEVENTS_BATCH_JSON = "application/cloudevents-batch+json";
    private static final String LABEL = "cloudevent";

    private final CloudEventReader reader;
    private final EventRequestParser parser;
    private final EventSubmitter submitter;
    private final BatchPublisher batches;

    /** Creates the resource. */
    @Inject
    public CloudEventResource(CloudEventReader reader, EventRequestParser parser, EventSubmitter submitter,
                              BatchPublisher batches) {
        this.reader = reader;
        this.parser = parser;
        this.submitter = submitter;
        this.batches = batches;
    }

    /** Publishes a CloudEvent in structured mode. */
    @POST
    @Consumes(CLOUDEVENTS_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response structured(String body, @Context ContainerRequestContext request) {
        String correlationId = CorrelationIdFilter.correlationId(request);
        return Answers.await(submitter.submit(LABEL, () -> reader.structured(parser.readJson(body), correlationId,
                        IdempotencyKeyHeader.client(request)))
                .thenApply(PublishOutcome::asResponse));
    }

    /** Publishes a CloudEvent in binary mode: attributes in {@code ce-*} headers, its data as the JSON body. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response binary(String body, @Context HttpHeaders headers, @Context ContainerRequestContext request) {
        String correlationId = CorrelationIdFilter.correlationId(request);
        return Answers.await(submitter.submit(LABEL, () -> reader.binary(headers, body, correlationId,
                        IdempotencyKeyHeader.client(request)))
                .thenApply(PublishOutcome::asResponse));
    }

    /** Publishes a batch of structured-mode CloudEvents (a JSON array); 207 with one result per event. */
    @POST
    @Consumes(CLOUDEVENTS_BATCH_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response batch(String body, @Context ContainerRequestContext request) {
        String correlationId = CorrelationIdFilter.correlationId(request);
        return Answers.await(batches.publish(body, LABEL, (member, index) -> reader.structured(member, correlationId,
                IdempotencyKeyHeader.client(request))));
    }
}
