package io.eventflow.processing.domain;

/**
 * Where an event was read from: its record's place in the stream.
 *
 * @param topic     the topic
 * @param partition the partition of the topic
 * @param offset    the record's offset in the partition
 */
public record StreamPosition(String topic, int partition, long offset) {
}
