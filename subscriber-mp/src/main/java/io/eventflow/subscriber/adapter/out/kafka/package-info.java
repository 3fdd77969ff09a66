/** Driven Kafka adapters: reading an event's record again at the position stored with its status. */
package io.eventflow.subscriber.adapter.out.kafka;
