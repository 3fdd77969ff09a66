package io.eventflow.subscriber.adapter.in.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.eventflow.testing.Undeclared;
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

    @Test
    void requestsNoMoreOnceTheWindowHoldsItsBytesAndMoreOnlyAsTheHeadIsReleased() {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        CountingSubscription subscription = new CountingSubscription();
        // items weigh their value in bytes; the window holds at most 1,000 records and 1,000 bytes
        try (BatchingSubscriber<Integer> subscriber = new BatchingSubscriber<>("test-batches", 1000, 1000,
                item -> item, false, batches::add)) {
            subscriber.onSubscribe(subscription);
            long first = subscription.requested.get();
            IntStream.range(0, 4).forEach(i -> subscriber.onNext(300));
            await().atMost(Duration.ofSeconds(5)).until(() -> batches.stream().mapToInt(List::size).sum() == 4);
            assertThat(subscriber.windowBytes()).isEqualTo(1200);
            assertThat(subscription.requested).as("nothing more while 1,200 bytes are unreleased").hasValue(first);

            subscriber.release(batches.getFirst().getFirst());
            assertThat(subscriber.windowRecords()).isEqualTo(3);
            assertThat(subscription.requested).as("900 bytes of ~300-byte items leave room for none").hasValue(first);

            List<Integer> all = batches.stream().flatMap(List::stream).toList();
            subscriber.release(all.get(3));
            assertThat(subscriber.windowRecords()).as("an item behind unreleased ones stays in the window")
                    .isEqualTo(3);
            subscriber.release(all.get(1));
            subscriber.release(all.get(2));
            assertThat(subscriber.windowRecords()).isZero();
            assertThat(subscription.requested.get()).as("room for ~3 more items of ~300 bytes")
                    .isBetween(first + 1, first + 4);
        }
    }

    @Test
    void passesAnItemLargerThanTheWholeByteBoundAlone() {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        CountingSubscription subscription = new CountingSubscription();
        try (BatchingSubscriber<Integer> subscriber = new BatchingSubscriber<>("test-batches", 1000, 100,
                item -> item, true, batches::add)) {
            subscriber.onSubscribe(subscription);
            subscriber.onNext(5000);
            await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() == 1);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(subscription.requested.get()).as("one more after the outsized item").isEqualTo(2));
        }
    }

    @Test
    void reportsWhyConsumptionStoppedForGood() {
        CountingSubscription subscription = new CountingSubscription();
        try (BatchingSubscriber<Integer> failing = new BatchingSubscriber<>("test-batches", 5, batch -> {
            throw new IllegalStateException("storage is gone");
        }); BatchingSubscriber<Integer> broken = new BatchingSubscriber<>("test-batches", 5, batch -> { })) {
            failing.onSubscribe(subscription);
            broken.onSubscribe(new CountingSubscription());
            assertThat(failing.failure()).isEmpty();

            failing.onNext(1);
            broken.onError(new IllegalStateException("connector failed"));

            await().atMost(Duration.ofSeconds(5)).until(() -> failing.failure().isPresent());
            assertThat(failing.failure().get()).contains("storage is gone");
            assertThat(broken.failure().get()).contains("the stream failed").contains("connector failed");
        }
    }

    @Test
    void anUndeclaredCheckedExceptionStopsConsumptionAndIsReported() {
        try (BatchingSubscriber<Integer> failing = new BatchingSubscriber<>("test-batches", 5, batch -> {
            throw Undeclared.raise(new Exception("ARJUNA016053: Could not commit transaction."));
        })) {
            failing.onSubscribe(new CountingSubscription());

            failing.onNext(1);

            await().atMost(Duration.ofSeconds(5)).until(() -> failing.failure().isPresent());
            assertThat(failing.failure().get()).contains("ARJUNA016053");
        }
    }

    @Test
    void aStopForShutdownIsNoFailure() {
        BatchingSubscriber<Integer> subscriber = new BatchingSubscriber<>("test-batches", 5, batch -> { });
        subscriber.onSubscribe(new CountingSubscription());
        subscriber.close();
        subscriber.onComplete();

        assertThat(subscriber.failure()).isEmpty();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
