package io.eventflow.subscriber.adapter.in.scheduling;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.eventflow.processing.application.port.in.ReconcileEventsUseCase;
import io.eventflow.testing.Undeclared;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A pass that fails, however it fails, is logged and leaves the next pass to run: an exception out of a scheduled
 * task cancels every later run of it. A failed commit of a {@code @Transactional} bean throws JTA's checked
 * {@code RollbackException} undeclared, which a {@code catch (RuntimeException)} let through.
 */
class StuckEventsReconcilerTest {

    @Test
    void aPassFailingWithAnUndeclaredCheckedExceptionDoesNotEscapeAndTheNextPassRuns() {
        AtomicInteger passes = new AtomicInteger();
        ReconcileEventsUseCase failingOnce = new ReconcileEventsUseCase() {
            @Override
            public Result reconcile() {
                if (passes.incrementAndGet() == 1) {
                    throw Undeclared.raise(new Exception("ARJUNA016053: Could not commit transaction."));
                }
                return new Result(1, 1, 0, 0);
            }

            @Override
            public Optional<Duration> oldestUnfinishedAge() {
                return Optional.empty();
            }
        };
        StuckEventsReconciler reconciler = new StuckEventsReconciler(failingOnce, null, true, 60);

        assertThatNoException().isThrownBy(reconciler::runOnce);
        reconciler.runOnce();

        assertThat(passes).hasValue(2);
    }
}
