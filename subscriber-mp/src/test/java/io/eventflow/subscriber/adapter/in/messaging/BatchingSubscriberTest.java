package io.eventflow.subscriber.adapter.in.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.assertj.core.api.Assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BatchingSubscriberTest {

    /** Counts what the subscriber requested. */
    private static final class CountingSubscription implements Subscription {
        private final AtomicLong requested = new AtomicLong();

        @Override
        public void request(long n) {
            requested.addAndGet(n);
        }

        @Override
        public void cancel() {
            requested.set(-1);
        }
    }

    @Test
    void aQuietStreamHandsOverEachItemAtOnce() {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        CountingSubscription subscription = new CountingSubscription();
        try (BatchingSubscriber<Integer> subscriber = new BatchingSubscriber<>("test-batches", 10, batches::add)) {
            subscriber.onSubscribe(subscription);
            assertThat(subscription.requested).hasValue(10);

            subscriber.onNext(1);
            await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() == 1);
            subscriber.onNext(2);
            await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() == 2);

            assertThat(batches).containsExactly(List.of(1), List.of(2));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(subscription.requested).hasValue(12));
        }
    }

    @Test
    void itemsArrivingWhileABatchIsHandledFormTheNextBatchInOrder() throws InterruptedException {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        CountingSubscription subscription = new CountingSubscription();
        try (BatchingSubscriber<Integer> subscriber = new BatchingSubscriber<>("test-batches", 100, batch -> {
            batches.add(List.copyOf(batch));
            firstStarted.countDown();
            awaitQuietly(release);
        })) {
            subscriber.onSubscribe(subscription);
            subscriber.onNext(0);
            assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
            IntStream.rangeClosed(1, 50).forEach(subscriber::onNext);
            assertThat(subscription.requested).as("nothing more is requested while the first batch is handled")
                    .hasValue(100);
            release.countDown();

            await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() == 2);
            assertThat(batches.get(0)).containsExactly(0);
            assertThat(batches.get(1)).containsExactlyElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(subscription.requested).hasValue(151));
        }
    }

    @Test
    void aFailedBatchStopsTheStreamSoNoLaterItemIsAcknowledgedBeforeIt() {
        List<Integer> handled = new ArrayList<>();
        CountingSubscription subscription = new CountingSubscription();
        CountDownLatch failed = new CountDownLatch(1);
        try (BatchingSubscriber<Integer> subscriber = new BatchingSubscriber<>("test-batches", 5, batch -> {
            if (batch.contains(1)) {
                failed.countDown();
                throw new IllegalStateException("storage is gone");
            }
            handled.addAll(batch);
        })) {
            subscriber.onSubscribe(subscription);
            subscriber.onNext(1);
            await().atMost(Duration.ofSeconds(5)).until(() -> failed.getCount() == 0);
            subscriber.onNext(2);
            subscriber.close();
            assertThat(subscription.requested).as("no more demand after a failed batch").hasValue(5);
            assertThat(handled).as("a record already requested is not handled after the failed batch").isEmpty();
        }
    }

    @Test
    void refusesANonPositiveWindow() {
        Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new BatchingSubscriber<Integer>("test-batches", 0, batch -> { }))
                .withMessageContaining("maxInFlight");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
