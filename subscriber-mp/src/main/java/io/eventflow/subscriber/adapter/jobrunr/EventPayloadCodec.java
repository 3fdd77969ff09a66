package io.eventflow.subscriber.adapter.jobrunr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.processing.domain.ReceivedEvent;

/** Converts between received events and the JSON text stored in their job requests. */
public final class EventPayloadCodec {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private final ObjectMapper mapper;

    /** Creates the codec on the given Jackson mapper. */
    public EventPayloadCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The job request that processes this event, in the trace {@code traceParent} names (may be null). */
    public ProcessEventJobRequest toRequest(ReceivedEvent event, String traceParent) {
        try {
            return new ProcessEventJobRequest(event.eventId(), event.type(), event.key(),
                    mapper.writeValueAsString(event.payload()), traceParent);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event a job request carries. */
    public ReceivedEvent toEvent(ProcessEventJobRequest request) {
        try {
            return new ReceivedEvent(request.eventId(), request.type(), request.key(),
                    mapper.readValue(request.payloadJson(), OBJECT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
