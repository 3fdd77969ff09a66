package io.eventflow.subscriber.adapter.in.web;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.eventflow.subscriber.domain.DeadLetter;
import io.eventflow.subscriber.domain.DeadLetterPage;

/** The JSON shapes of the dead-letter API. */
final class DeadLetterViews {

    /** Characters of the value shown in a listing; the whole value is in the single view. */
    static final int PREVIEW_CHARS = 200;

    private DeadLetterViews() {
    }

    /** Where a dead letter was first read from. */
    record Origin(String topic, Integer partition, Long offset) {
    }

    /** One dead letter; {@code payload} only in the single view, {@code payload_preview} in listings. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Letter(String id, int partition, long offset,
                  @JsonProperty("dead_lettered_at") String deadLetteredAt,
                  String reason, String error, Origin original, String key,
                  @JsonProperty("event_id") UUID eventId,
                  @JsonProperty("event_type") String eventType,
                  @JsonProperty("payload_preview") String payloadPreview,
                  @JsonProperty("payload_chars") int payloadChars,
                  String payload,
                  @JsonProperty("redrive_of") String redriveOf) {
    }

    /** A page of dead letters. */
    record Page(@JsonProperty("dead_letters") List<Letter> deadLetters, int total, int offset, int limit,
                @JsonProperty("older_not_read") boolean truncated) {
    }

    /** The answer to a redrive. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Redriven(int redriven, String id, @JsonProperty("event_id") UUID eventId, String reason,
                    @JsonProperty("to_topic") String toTopic) {
    }

    static Page page(DeadLetterPage page) {
        return new Page(page.letters().stream().map(l -> letter(l, false)).toList(), page.total(), page.offset(),
                page.limit(), page.truncated());
    }

    static Letter letter(DeadLetter l, boolean withPayload) {
        String value = l.value() == null ? "" : l.value();
        String preview = value.length() <= PREVIEW_CHARS ? value : value.substring(0, PREVIEW_CHARS) + "…";
        return new Letter(l.id(), l.partition(), l.offset(), l.deadLetteredAt().toString(), l.reason(), l.error(),
                new Origin(l.originalTopic(), l.originalPartition(), l.originalOffset()), l.key(), l.eventId(),
                l.eventType(), withPayload ? null : preview, value.length(), withPayload ? l.value() : null,
                l.redriveOf());
    }
}
