package io.eventflow.subscriber.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One record in the dead-letter topic: where it sits there ({@code partition}, {@code offset}), why it was put
 * there, where it was first read from, and the record itself (key, value, the headers a redrive carries on).
 *
 * @param partition         its partition in the dead-letter topic
 * @param offset            its offset in that partition
 * @param deadLetteredAt    when it was written to the dead-letter topic
 * @param reason            why it could not be processed ({@code dlq-error-msg})
 * @param error             the kind of failure ({@code dlq-error})
 * @param originalTopic     the topic it was first read from, or null when unknown
 * @param originalPartition its partition there, or null
 * @param originalOffset    its offset there, or null
 * @param key               the record key, or null
 * @param eventId           the event id from its {@code event-id} header or its value, or null when it has none
 * @param eventType         the event type from its {@code event-type} header or its value, or null
 * @param value             the record value as text, or null
 * @param redriveOf         the dead letter this record is a failed redrive of ({@code partition-offset}), or null
 * @param headers           the headers a redrive carries on (the dead-letter headers left out)
 */
public record DeadLetter(int partition, long offset, Instant deadLetteredAt, String reason, String error,
                         String originalTopic, Integer originalPartition, Long originalOffset, String key,
                         UUID eventId, String eventType, String value, String redriveOf,
                         Map<String, String> headers) {

    /** Creates the record; the headers are copied. */
    public DeadLetter {
        headers = Map.copyOf(headers);
    }

    /** Its id in the API: {@code <partition>-<offset>} of the dead-letter topic. */
    public String id() {
        return partition + "-" + offset;
    }

    /** Tells whether the reason contains {@code text}, ignoring case; a blank text matches every record. */
    public boolean hasReason(String text) {
        return text == null || text.isBlank()
                || reason != null && reason.toLowerCase(Locale.ROOT).contains(text.strip()
                .toLowerCase(Locale.ROOT));
    }
}
