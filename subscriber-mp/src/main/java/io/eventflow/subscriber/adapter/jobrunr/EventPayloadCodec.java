package io.eventflow.subscriber.adapter.jobrunr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.processing.domain.ReceivedEvent;
import io.eventflow.processing.domain.StorableEvent;

/**
 * Between received events and their job requests. A request carries the event's record text as the consumer read
 * it; a job reads that text once into the typed event. Jobs stored before the text was carried as is hold only the
 * contract's fields, which read the same way.
 */
public final class EventPayloadCodec {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private final ObjectMapper mapper;

    /** Creates the codec on the given Jackson mapper. */
    public EventPayloadCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The job request that processes this event, in the trace {@code traceParent} names (may be null). */
    public ProcessEventJobRequest toRequest(ReceivedEvent event, String traceParent) {
        return new ProcessEventJobRequest(event.eventId(), event.type(), event.key(), event.payloadJson(), traceParent);
    }

    /** The event a job request carries. */
    public ReceivedEvent toEvent(ProcessEventJobRequest request) {
        try {
            Map<String, Object> fields = mapper.readValue(request.payloadJson(), OBJECT);
            return new ReceivedEvent(StorableEvent.of(request.eventId(), request.type(), fields), request.key(),
                    request.payloadJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
