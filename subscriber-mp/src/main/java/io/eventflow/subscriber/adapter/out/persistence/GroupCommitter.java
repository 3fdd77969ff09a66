package io.eventflow.subscriber.adapter.out.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.eventflow.processing.application.port.out.EventToStore;

/**
 * Commits the stores of many jobs together. A job's thread hands its event over and waits; a committer thread takes
 * every event waiting and writes them in one transaction, so while one group commits (a disk flush with durable
 * commits) the next one gathers. With more than one committer, groups commit side by side: while one waits for its
 * flush, another writes, and the database flushes their commits together. Nobody waits for a group to fill: a lone
 * event commits at once. When a
 * group's transaction fails, each of its events is written again in a transaction of its own, so one bad event fails
 * only its own job; a database outage fails them all, and their jobs retry.
 */
final class GroupCommitter implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(GroupCommitter.class.getName());
    private static final Duration IDLE_LOOK = Duration.ofMillis(200);

    private final Consumer<List<EventToStore>> write;
    private final int maxGroup;
    private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean closed;

    /** Starts one committer thread: groups commit one after the other. */
    GroupCommitter(String name, int maxGroup, Consumer<List<EventToStore>> write) {
        this(name, maxGroup, 1, write);
    }

    /**
     * Starts the committer threads.
     *
     * @param name       the threads' name (numbered when there are several)
     * @param maxGroup   the most events one transaction writes
     * @param committers how many groups may commit at once
     * @param write      writes a group of events in one transaction, all or none
     */
    GroupCommitter(String name, int maxGroup, int committers, Consumer<List<EventToStore>> write) {
        if (maxGroup < 1 || committers < 1) {
            throw new IllegalArgumentException("maxGroup and committers must be at least 1, were " + maxGroup + " and "
                    + committers);
        }
        this.write = write;
        this.maxGroup = maxGroup;
        for (int i = 1; i <= committers; i++) {
            this.committers.add(Thread.ofPlatform().name(committers == 1 ? name : name + "-" + i).daemon()
                    .start(this::commitGroups));
        }
    }

    /** Stores the event with the next group and returns once that group has committed; throws what its write threw. */
    void store(EventToStore event) {
        if (closed) {
            throw new IllegalStateException("The event store is shutting down; the event's job will run again");
        }
        Waiting entry = new Waiting(event, new CompletableFuture<>());
        waiting.add(entry);
        try {
            entry.committed().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the commit of event " + event.event().eventId()
                    + "; it may commit still, and a later attempt finds it completed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Writes what is waiting, then stops the committer thread. */
    @Override
    public void close() {
        closed = true;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            for (Thread committer : committers) {
                committer.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Waiting left;
        while ((left = waiting.poll()) != null) {
            left.committed().completeExceptionally(
                    new IllegalStateException("The event store stopped before this event's group was written"));
        }
    }

    private void commitGroups() {
        List<Waiting> group = new ArrayList<>(maxGroup);
        while (!closed || !waiting.isEmpty()) {
            try {
                Waiting first = waiting.poll(IDLE_LOOK.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                waiting.drainTo(group, maxGroup - 1);
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception | Error e) {
                group.forEach(w -> w.committed().completeExceptionally(e));
                LOGGER.log(Level.SEVERE, "The group committer failed a group unexpectedly; its jobs will retry", e);
            } finally {
                group.clear();
            }
        }
    }

    private void commit(List<Waiting> group) {
        try {
            write.accept(group.stream().map(Waiting::event).toList());
            group.forEach(w -> w.committed().complete(null));
            return;
        } catch (Exception groupFailed) {
            // Exception: a failed commit arrives unchecked (UndeclaredCommitFailures), but anything else thrown
            // undeclared must still reach the group's jobs rather than end the committer thread
            if (group.size() == 1) {
                group.getFirst().committed().completeExceptionally(groupFailed);
                return;
            }
            LOGGER.log(Level.FINE, groupFailed, () -> "A group of " + group.size()
                    + " events failed to commit; writing them one by one");
        }
        for (Waiting one : group) {
            try {
                write.accept(List.of(one.event()));
                one.committed().complete(null);
            } catch (Exception e) {
                one.committed().completeExceptionally(e);
            }
        }
    }

    private record Waiting(EventToStore event, CompletableFuture<Void> committed) {
    }
}
