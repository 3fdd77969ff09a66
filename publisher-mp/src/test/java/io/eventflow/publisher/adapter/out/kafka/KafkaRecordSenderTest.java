package io.eventflow.publisher.adapter.out.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.eventflow.publisher.application.port.out.EventRefusedException;
import io.eventflow.publisher.application.port.out.PublishFailedException;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.awaitility.Awaitility;
import org.assertj.core.api.AbstractThrowableAssert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sender's failure handling, with Kafka's own mock producer in place of a broker connection. */
class KafkaRecordSenderTest {

    private static final long LATER = TimeUnit.SECONDS.toNanos(5);
    private final List<MockProducer<byte[], byte[]>> producers = new ArrayList<>();
    private final AtomicInteger outages = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger outageLogger = Logger.getLogger(BrokerOutage.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private KafkaRecordSender sender;

    @BeforeEach
    void createSender() {
        outageLogger.addHandler(capture);
        sender = new KafkaRecordSender(() -> {
            MockProducer<byte[], byte[]> producer = new MockProducer<>(false, new ByteArraySerializer(),
                    new ByteArraySerializer());
            producers.add(producer);
            return producer;
        }, new InFlightBudget(100, 1_000_000), new BrokerOutage(outages::incrementAndGet, failures::incrementAndGet),
                10_000, Duration.ZERO);
    }

    @AfterEach
    void removeCapture() {
        outageLogger.removeHandler(capture);
    }

    @Test
    void completesOnTheBrokersAcknowledgement() {
        CompletableFuture<Void> sent = sender.send(record(10), System.nanoTime() + LATER);
        assertThat(sent).isNotDone();
        assertThat(sender.budget().records()).isEqualTo(1);

        producers.get(0).completeNext();

        assertThat(sent).isCompletedWithValue(null);
        assertThat(sender.budget().records()).isZero();
        assertThat(sender.budget().bytes()).isZero();
    }

    @Test
    void refusesARecordOverTheProducersLimitWithoutSendingIt() {
        CompletableFuture<Void> sent = sender.send(record(20_000), System.nanoTime() + LATER);

        assertFailure(sent, EventRefusedException.class).satisfies(e ->
                assertThat(((EventRefusedException) e).tooLarge()).isTrue());
        assertThat(producers).isEmpty();
        assertThat(outages).hasValue(0);
    }

    @Test
    void aRecordTheBrokerRefusesFailsAloneAndKeepsTheProducer() {
        CompletableFuture<Void> refused = sender.send(record(10), System.nanoTime() + LATER);
        CompletableFuture<Void> next = sender.send(record(10), System.nanoTime() + LATER);

        producers.get(0).errorNext(new RecordTooLargeException("too large for the topic"));
        producers.get(0).completeNext();

        assertFailure(refused, EventRefusedException.class);
        assertThat(next).isCompletedWithValue(null);
        assertThat(producers).hasSize(1);
        assertThat(outages).hasValue(0);
        assertThat(failures).hasValue(0);
    }

    @Test
    void anOutageIsLoggedOnceWhenItStartsAndOnceWhenItEnds() {
        List<CompletableFuture<Void>> during = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            during.add(sender.send(record(10), System.nanoTime() + LATER));
        }
        for (int i = 0; i < 50; i++) {
            producers.get(0).errorNext(new NetworkException("broker gone"));
        }
        assertThat(sender.brokerFailing()).isTrue();
        CompletableFuture<Void> after = sender.send(record(10), System.nanoTime() + LATER);
        producers.get(0).completeNext();

        during.forEach(sent -> assertFailure(sent, PublishFailedException.class));
        assertThat(after).isCompletedWithValue(null);
        assertThat(sender.brokerFailing()).isFalse();
        assertThat(outages).hasValue(1);
        assertThat(failures).hasValue(50);
        assertThat(logged).extracting(LogRecord::getLevel).containsExactly(Level.WARNING, Level.INFO);
        assertThat(logged.get(1).getMessage()).contains("available again").contains("50 publishes failed");
        assertThat(producers).as("an outage needs no new producer").hasSize(1);
    }

    @Test
    void aProducerThatCannotRecoverIsReplacedAndClosed() {
        CompletableFuture<Void> fenced = sender.send(record(10), System.nanoTime() + LATER);
        producers.get(0).errorNext(new ProducerFencedException("fenced"));
        assertFailure(fenced, PublishFailedException.class);

        CompletableFuture<Void> next = sender.send(record(10), System.nanoTime() + LATER);
        producers.get(1).completeNext();

        assertThat(next).isCompletedWithValue(null);
        assertThat(producers).hasSize(2);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> producers.get(0).closed());
        assertThat(producers.get(1).closed()).isFalse();
    }

    @Test
    void aFullWindowAnswersByTheDeadline() {
        KafkaRecordSender small = new KafkaRecordSender(() -> new MockProducer<>(false, new ByteArraySerializer(),
                new ByteArraySerializer()), new InFlightBudget(1, 1_000_000), new BrokerOutage(() -> { }, () -> { }),
                10_000, Duration.ZERO);
        small.send(record(10), System.nanoTime() + LATER);

        long start = System.nanoTime();
        CompletableFuture<Void> second = small.send(record(10), System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200));

        assertFailure(second, PublishFailedException.class).hasMessageContaining("in-flight window");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void closesItsProducerOnClose() {
        sender.send(record(10), System.nanoTime() + LATER);
        sender.close();

        assertThat(producers.get(0).closed()).isTrue();
        assertFailure(sender.send(record(10), System.nanoTime() + LATER), PublishFailedException.class);
    }

    private static ProducerRecord<byte[], byte[]> record(int size) {
        return new ProducerRecord<>("events", "key".getBytes(), new byte[size]);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertFailure(
            CompletableFuture<Void> sent, Class<? extends Throwable> type) {
        assertThat(sent).isCompletedExceptionally();
        return assertThatThrownBy(sent::join).isInstanceOf(CompletionException.class).cause().isInstanceOf(type);
    }
}
