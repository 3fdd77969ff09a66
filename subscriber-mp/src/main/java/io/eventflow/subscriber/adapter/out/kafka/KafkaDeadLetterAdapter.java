package io.eventflow.subscriber.adapter.out.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.kafka.DurableProducer;
import io.eventflow.schemas.EventRecordFormat;
import io.eventflow.subscriber.application.port.out.DeadLetterPort;
import io.eventflow.subscriber.application.port.out.DeadLettersUnavailableException;
import io.eventflow.subscriber.domain.DeadLetter;
import io.eventflow.subscriber.domain.DeadLetterScan;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

import static jakarta.interceptor.Interceptor.Priority.APPLICATION;

/**
 * Reads the dead-letter topic with a consumer of its own (assigned partitions, no group: browsing commits nothing
 * and takes no partition from anyone) and sends redriven records to the events topic with a producer of its own.
 * Metrics: {@code dead_letter_records} (records in the dead-letter topic, from its offsets; cached for 15 s) and
 * {@code dead_letters_redriven} (records sent back by this process).
 */
@ApplicationScoped
class KafkaDeadLetterAdapter implements DeadLetterPort {

    /** Header naming the dead letter ({@code partition-offset}) a record on the events topic is a redrive of. */
    static final String REDRIVE_OF = "eventflow-redrive-of";
    private static final Logger LOGGER = Logger.getLogger(KafkaDeadLetterAdapter.class.getName());
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration COUNT_CACHE = Duration.ofSeconds(15);

    private final String bootstrapServers;
    private final String deadLetterTopic;
    private final String eventsTopic;
    private final int maxScan;
    private final ObjectMapper mapper;
    private final MetricRegistry metrics;
    // one reader for every request: a KafkaConsumer is not thread-safe, and a DLQ is read rarely
    private final ReentrantLock readerLock = new ReentrantLock();
    private KafkaConsumer<String, String> reader;
    private volatile KafkaProducer<String, String> producer;
    private volatile long cachedCount = -1;
    private volatile Instant countedAt = Instant.EPOCH;

    @Inject
    KafkaDeadLetterAdapter(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                           @ConfigProperty(name = "eventflow.dead-letter-topic") String deadLetterTopic,
                           @ConfigProperty(name = "eventflow.topic") String eventsTopic,
                           @ConfigProperty(name = "eventflow.dead-letters.max-scan", defaultValue = "10000")
                           int maxScan,
                           ObjectMapper mapper, MetricRegistry metrics) {
        this.bootstrapServers = bootstrapServers;
        this.deadLetterTopic = deadLetterTopic;
        this.eventsTopic = eventsTopic;
        this.maxScan = maxScan;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    void registerMetrics(@Observes @Priority(APPLICATION) @Initialized(ApplicationScoped.class) Object event) {
        metrics.gauge("dead_letter_records", this::count);
        metrics.counter("dead_letters_redriven");
    }

    @Override
    public DeadLetterScan scan() {
        return withReader(consumer -> {
            List<TopicPartition> partitions = partitions(consumer);
            if (partitions.isEmpty()) {
                return new DeadLetterScan(List.of(), false);
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, READ_TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            boolean truncated = false;
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long from = Math.max(begin.get(partition), end.get(partition) - maxScan);
                truncated |= from > begin.get(partition);
                consumer.seek(partition, from);
                if (from < end.get(partition)) {
                    remaining.put(partition, end.get(partition));
                }
            }
            List<DeadLetter> letters = readUntil(consumer, remaining);
            letters.sort(Comparator.comparing(DeadLetter::deadLetteredAt).reversed()
                    .thenComparing(DeadLetter::partition).thenComparing(Comparator.comparingLong(DeadLetter::offset)
                            .reversed()));
            if (letters.size() > maxScan) {
                return new DeadLetterScan(letters.subList(0, maxScan), true);
            }
            return new DeadLetterScan(letters, truncated);
        });
    }

    @Override
    public Optional<DeadLetter> find(int partition, long offset) {
        return withReader(consumer -> {
            TopicPartition tp = new TopicPartition(deadLetterTopic, partition);
            if (partitions(consumer).stream().noneMatch(tp::equals) || offset < 0) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            long begin = consumer.beginningOffsets(List.of(tp), READ_TIMEOUT).get(tp);
            long end = consumer.endOffsets(List.of(tp), READ_TIMEOUT).get(tp);
            if (offset < begin || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            return readUntil(consumer, Map.of(tp, offset + 1)).stream().filter(l -> l.offset() == offset).findFirst();
        });
    }

    @Override
    public void republish(DeadLetter letter, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(eventsTopic, letter.key(), value);
        letter.headers().forEach((name, text) -> record.headers().add(name, bytes(text)));
        record.headers().add(REDRIVE_OF, bytes(letter.id()));
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLettersUnavailableException("Interrupted while redriving dead letter " + letter.id(), e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new DeadLettersUnavailableException("Could not send dead letter " + letter.id() + " back to "
                    + eventsTopic + "; is the broker reachable? Try again", e);
        }
        metrics.counter("dead_letters_redriven").inc();
        LOGGER.info(() -> "Redrove dead letter " + letter.id() + " to " + eventsTopic + ": event_id="
                + letter.eventId() + " event_type=" + letter.eventType() + " reason was: " + letter.reason());
    }

    /** Records in the dead-letter topic (end minus start offsets); -1 while the broker cannot be asked. */
    long count() {
        if (Duration.between(countedAt, Instant.now()).compareTo(COUNT_CACHE) < 0) {
            return cachedCount;
        }
        long counted;
        try {
            counted = withReader(consumer -> {
                List<TopicPartition> partitions = partitions(consumer);
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, READ_TIMEOUT);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
                return partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            });
        } catch (RuntimeException e) {
            LOGGER.log(Level.FINE, "Could not count the dead letters", e);
            counted = -1;
        }
        cachedCount = counted;
        countedAt = Instant.now();
        return counted;
    }

    private List<DeadLetter> readUntil(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> remaining = new HashMap<>(ends);
        List<DeadLetter> letters = new ArrayList<>();
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (!remaining.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new DeadLettersUnavailableException("Timed out reading the dead-letter topic "
                        + deadLetterTopic + "; is the broker reachable? Try again", null);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                Long end = remaining.get(tp);
                if (end != null && record.offset() < end) {
                    letters.add(toDeadLetter(record));
                }
            }
            remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        }
        return letters;
    }

    private DeadLetter toDeadLetter(ConsumerRecord<String, String> record) {
        Map<String, String> carried = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dlq-") && !REDRIVE_OF.equals(header.key())) {
                carried.put(header.key(), text(header));
            }
        }
        Optional<JsonNode> json = json(record.value());
        String eventId = Optional.ofNullable(carried.get(EventRecordFormat.HEADER_EVENT_ID))
                .or(() -> json.map(n -> n.path(EventRecordFormat.FIELD_EVENT_ID).asText(null))).orElse(null);
        String eventType = Optional.ofNullable(carried.get(EventRecordFormat.HEADER_EVENT_TYPE))
                .or(() -> json.map(EventRecordFormat::type)).orElse(null);
        return new DeadLetter(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                header(record, "dlq-error-msg"), header(record, "dlq-error"), header(record, "dlq-orig-topic"),
                integer(header(record, "dlq-orig-partition")), longValue(header(record, "dlq-orig-offset")),
                record.key(), uuid(eventId), eventType, record.value(), header(record, REDRIVE_OF), carried);
    }

    private Optional<JsonNode> json(String value) {
        try {
            JsonNode node = value == null ? null : mapper.readTree(value);
            return Optional.ofNullable(node).filter(JsonNode::isObject);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(deadLetterTopic, READ_TIMEOUT);
        return infos == null ? List.of() : infos.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private <T> T withReader(Function<KafkaConsumer<String, String>, T> work) {
        readerLock.lock();
        try {
            if (reader == null) {
                reader = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.CLIENT_ID_CONFIG, "eventflow-dead-letter-browser",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                        ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000,
                        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000),
                        new StringDeserializer(), new StringDeserializer());
            }
            return work.apply(reader);
        } catch (KafkaException e) {
            throw new DeadLettersUnavailableException("Could not read the dead-letter topic " + deadLetterTopic
                    + " (" + e.getMessage() + "); is the broker reachable? Try again", e);
        } finally {
            readerLock.unlock();
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = DurableProducer.ofStrings(bootstrapServers, "eventflow-redrive");
                }
            }
        }
        return producer;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : text(header);
    }

    private static String text(Header header) {
        return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @PreDestroy
    void close() {
        readerLock.lock();
        try {
            if (reader != null) {
                reader.close(Duration.ofSeconds(2));
            }
        } finally {
            readerLock.unlock();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
