/** Kafka code both services share: the topics they need, created when missing and checked against the configured durability. */
package io.eventflow.kafka;
