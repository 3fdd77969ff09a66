package io.eventflow.subscriber.adapter.in.messaging;

import java.time.DateTimeException;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.processing.domain.ReceivedEvent;
import io.eventflow.processing.domain.StorableEvent;
import io.eventflow.schemas.EventRecordFormat;
import io.eventflow.schemas.EventSchemas;
import io.eventflow.schemas.Violation;

/**
 * Reads a Kafka record's value ({@link EventRecordFormat}) into a typed event that keeps the value's text (its job
 * reads that text, not a copy written again), or says exactly why the record is poison.
 */
public final class EventRecordReader {

    private final EventRecordFormat format;
    private final EventSchemas schemas;

    /** Creates the reader on the given mapper and schemas. */
    public EventRecordReader(ObjectMapper mapper, EventSchemas schemas) {
        this.format = new EventRecordFormat(mapper);
        this.schemas = schemas;
    }

    /** The event in the record; throws {@link PoisonRecordException} with the reason when there is none. */
    public ReceivedEvent read(String key, String value) {
        try {
            JsonNode node = format.parse(value);
            String type = EventRecordFormat.type(node);
            if (type == null || !schemas.isKnownType(type)) {
                throw new PoisonRecordException("unknown event type '" + type + "'");
            }
            EventRecordFormat.Read read = format.read(node);
            List<Violation> violations = schemas.validate(type, node);
            if (!violations.isEmpty()) {
                throw new PoisonRecordException("invalid " + type + " event: " + violations.stream()
                        .map(v -> v.field() + " " + v.reason()).collect(Collectors.joining("; ")));
            }
            return new ReceivedEvent(StorableEvent.of(read.envelope().eventId(), type, read.fields()), key, value);
        } catch (EventRecordFormat.MalformedRecordException e) {
            throw new PoisonRecordException(e.getMessage());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new PoisonRecordException("invalid event: " + e.getMessage());
        }
    }
}
