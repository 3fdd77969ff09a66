package io.eventflow.subscriber.adapter.out.persistence;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import io.eventflow.processing.application.port.out.EventToStore;
import io.eventflow.processing.domain.UserAnalyticsEvent;
import io.eventflow.testing.Undeclared;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class GroupCommitterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** The groups written, in order; the first write waits until released. */
    private final List<List<UUID>> written = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstWriteReleased = new CountDownLatch(1);
    private final List<Thread> waitingJobs = new CopyOnWriteArrayList<>();
    private GroupCommitter committer;

    @AfterEach
    void close() {
        if (committer != null) {
            committer.close();
        }
    }

    @Test
    void storesArrivingWhileAGroupCommitsShareTheNextCommit() {
        committer = new GroupCommitter("test-commit", 100, holdingTheFirstWrite(group -> { }));

        storeWhileTheFirstGroupCommits(IntStream.range(0, 5).mapToObj(i -> event()).toList()).forEach(CompletableFuture::join);

        assertThat(written).extracting(List::size).containsExactly(1, 5);
    }

    @Test
    void aGroupIsNeverLargerThanItsBound() {
        committer = new GroupCommitter("test-commit", 2, holdingTheFirstWrite(group -> { }));

        storeWhileTheFirstGroupCommits(IntStream.range(0, 5).mapToObj(i -> event()).toList()).forEach(CompletableFuture::join);

        assertThat(written).extracting(List::size).containsExactly(1, 2, 2, 1);
    }

    @Test
    void aBadEventFailsOnlyItsOwnStore() {
        EventToStore bad = event();
        committer = new GroupCommitter("test-commit", 100, holdingTheFirstWrite(group -> {
            if (group.contains(bad.event().eventId())) {
                throw new IllegalArgumentException("value too long for type character varying(255)");
            }
        }));
        List<CompletableFuture<Void>> stores = storeWhileTheFirstGroupCommits(List.of(event(), event(), event(), bad));

        stores.subList(0, 4).forEach(CompletableFuture::join);
        assertThat(stores.get(4)).failsWithin(WAIT).withThrowableThat().havingRootCause()
                .isInstanceOf(IllegalArgumentException.class).withMessageContaining("too long");
        // the group of four failed, then each was written alone: three committed, the bad one failed again
        assertThat(written).extracting(List::size).containsExactly(1, 4, 1, 1, 1, 1);
    }

    @Test
    void aCommitFailingWithAnUndeclaredCheckedExceptionFailsItsStoreAndTheCommitterGoesOn() {
        EventToStore unlucky = event();
        committer = new GroupCommitter("test-commit", 100, group -> {
            if (group.contains(unlucky)) {
                throw Undeclared.raise(new Exception("ARJUNA016053: Could not commit transaction."));
            }
        });

        CompletableFuture<Void> failed = storeInJob(unlucky);
        assertThat(failed).failsWithin(WAIT).withThrowableThat().havingRootCause()
                .withMessageContaining("ARJUNA016053");
        CompletableFuture<Void> next = storeInJob(event());

        assertThat(next).as("a store after the failed commit").succeedsWithin(WAIT);
    }

    @Test
    void withTwoCommittersAGroupCommitsWhileAnotherWaitsForItsFlush() {
        committer = new GroupCommitter("test-commit", 100, 2, holdingTheFirstWrite(group -> { }));
        CompletableFuture<Void> held = storeInJob(event());
        await().atMost(WAIT).until(() -> written.size() == 1);

        List<CompletableFuture<Void>> next = IntStream.range(0, 3).mapToObj(i -> storeInJob(event())).toList();

        // the first group's write is still held, yet the others commit through the second committer
        next.forEach(store -> assertThat(store).succeedsWithin(WAIT));
        assertThat(held).isNotDone();
        firstWriteReleased.countDown();
        assertThat(held).succeedsWithin(WAIT);
        assertThat(written.stream().mapToInt(List::size).sum()).isEqualTo(4);
    }

    @Test
    void aStoreAfterCloseIsRefusedAndSaysItsJobRunsAgain() {
        committer = new GroupCommitter("test-commit", 10, group -> { });
        committer.close();

        assertThatIllegalStateException().isThrownBy(() -> committer.store(event()))
                .withMessageContaining("job will run again");
    }

    @Test
    void aGroupBoundBelowOneIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new GroupCommitter("test-commit", 0, group -> { }));
        assertThatIllegalArgumentException().isThrownBy(() -> new GroupCommitter("test-commit", 10, 0, group -> { }));
    }

    /**
     * Stores one event, and while its group's write is held stores {@code next}, each from a job of its own; releases
     * the first write once every job waits. Returns the stores, the first one first.
     */
    private List<CompletableFuture<Void>> storeWhileTheFirstGroupCommits(List<EventToStore> next) {
        List<CompletableFuture<Void>> stores = new ArrayList<>();
        stores.add(storeInJob(event()));
        await().atMost(WAIT).until(() -> written.size() == 1);
        next.forEach(event -> stores.add(storeInJob(event)));
        await().atMost(WAIT).until(() -> waitingJobs.stream().filter(t -> t.getState() == Thread.State.WAITING).count()
                == stores.size());
        firstWriteReleased.countDown();
        return stores;
    }

    /** A write that records each group, holds the first until released, then applies {@code then}. */
    private Consumer<List<EventToStore>> holdingTheFirstWrite(Consumer<List<UUID>> then) {
        return group -> {
            List<UUID> ids = group.stream().map(e -> e.event().eventId()).toList();
            written.add(ids);
            if (written.size() == 1) {
                try {
                    firstWriteReleased.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            then.accept(ids);
        };
    }

    /** Stores the event from a thread of its own, as a job's worker does. */
    private CompletableFuture<Void> storeInJob(EventToStore event) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        Thread job = Thread.ofPlatform().start(() -> {
            try {
                committer.store(event);
                stored.complete(null);
            } catch (RuntimeException e) {
                stored.completeExceptionally(e);
            }
        });
        waitingJobs.add(job);
        return stored;
    }

    private static EventToStore event() {
        UUID id = UUID.randomUUID();
        return new EventToStore(new UserAnalyticsEvent(id, "user-" + id, "login",
                OffsetDateTime.parse("2024-01-01T12:00:00Z"), Map.of()), 0);
    }
}
