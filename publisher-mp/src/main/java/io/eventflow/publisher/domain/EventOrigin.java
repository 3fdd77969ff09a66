package io.eventflow.publisher.domain;

/**
 * Where an event comes from, in CloudEvents terms; carried to the Kafka record's {@code ce_*} headers.
 *
 * @param source  the CloudEvents {@code source} (a URI-reference)
 * @param id      the producer's CloudEvents {@code id}; null when the event came without one (its event id is used)
 * @param time    when the occurrence happened (RFC 3339); null to use the payload's {@code timestamp}
 * @param subject the CloudEvents {@code subject}; null when absent
 */
public record EventOrigin(String source, String id, String time, String subject) {

    /** The source of events posted to the contract's JSON endpoints. */
    public static final String PUBLISHER_SOURCE = "/eventflow/publisher";

    /** An event posted without CloudEvents attributes: this publisher is its source. */
    public static EventOrigin publisher() {
        return new EventOrigin(PUBLISHER_SOURCE, null, null, null);
    }
}
