/** Tracing helpers the subscriber's adapters share. */
package io.eventflow.subscriber.adapter.tracing;
