package io.eventflow.publisher.adapter.out.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.messaging.Channel;
import io.helidon.messaging.Emitter;
import io.helidon.messaging.Messaging;
import io.helidon.messaging.connectors.kafka.KafkaConfigBuilder;
import io.helidon.messaging.connectors.kafka.KafkaConnector;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An outgoing Kafka channel (Helidon Messaging, Kafka connector) that replaces itself after a failure.
 *
 * <p>The connector cancels its channel for good on the first failed send (later messages are buffered and
 * never sent), so a broker outage would otherwise need a restart. Here any failed or unacknowledged send
 * marks the channel broken; a broken channel is stopped and a new one built on the next send, at most once
 * per {@code rebuildInterval}; sends in between fail at once, so clients get a quick 503.
 */
final class RecoverableKafkaChannel implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(RecoverableKafkaChannel.class.getName());

    private final String bootstrapServers;
    private final String topic;
    private final Map<String, String> producerProperties;
    private final Duration rebuildInterval;
    private final int maxInFlight;
    private Messaging messaging;
    private Emitter<String> emitter;
    private long builtAtNanos;
    private int generation;
    private volatile boolean broken;

    /**
     * Creates the channel; {@code maxInFlight} is how many records the connector hands to the producer before
     * it waits for their acknowledgements (the connector's {@code backpressure.size}, 5 by default, which
     * would cap a channel at about 5 records per broker round trip).
     */
    RecoverableKafkaChannel(String bootstrapServers, String topic, Map<String, String> producerProperties,
                            Duration rebuildInterval, int maxInFlight) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.producerProperties = Map.copyOf(producerProperties);
        this.rebuildInterval = rebuildInterval;
        this.maxInFlight = maxInFlight;
    }

    /** Hands the message to the broker's producer; false if the channel is down and may not be rebuilt yet. */
    synchronized boolean send(KafkaRecordMessage message) {
        if (emitter == null || broken || emitter.isCancelled()) {
            if (emitter != null && System.nanoTime() - builtAtNanos < rebuildInterval.toNanos()) {
                return false;
            }
            rebuild();
        }
        int sentOn = generation;
        message.delivered().whenComplete((ok, failure) -> {
            if (failure != null) {
                markBroken(sentOn);
            }
        });
        emitter.send(message);
        return true;
    }

    /** Whether the channel can take records; one not built yet counts as open, since the first send builds it. */
    boolean isOpen() {
        return !broken;
    }

    private synchronized void markBroken(int sentOn) {
        if (sentOn == generation) {
            broken = true;
        }
    }

    private void rebuild() {
        stopCurrent();
        generation++;
        KafkaConfigBuilder config = KafkaConnector.configBuilder()
                .bootstrapServers(bootstrapServers)
                .topic(topic)
                .keySerializer(StringSerializer.class)
                .valueSerializer(StringSerializer.class);
        producerProperties.forEach(config::property);
        config.property("backpressure.size", String.valueOf(maxInFlight));
        Channel<String> channel = Channel.<String>builder()
                .name("events-out-" + generation)
                .subscriberConfig(config.build())
                .build();
        emitter = Emitter.create(channel);
        messaging = Messaging.builder().connector(KafkaConnector.create()).emitter(emitter).build().start();
        builtAtNanos = System.nanoTime();
        broken = false;
        if (generation > 1) {
            LOGGER.info(() -> "Kafka channel rebuilt after a failure (generation " + generation + ")");
        }
    }

    private void stopCurrent() {
        if (messaging != null) {
            try {
                messaging.stop();
            } catch (RuntimeException e) {
                LOGGER.log(Level.FINE, "Stopping the failed Kafka channel", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        stopCurrent();
    }

}
