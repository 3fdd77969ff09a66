package io.eventflow.publisher.adapter.out.kafka;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InFlightBudgetTest {

    @Test
    void boundsBytesAsWellAsRecords() throws InterruptedException {
        InFlightBudget budget = new InFlightBudget(100, 1000);

        assertThat(budget.tryAcquire(600, 0)).isTrue();
        assertThat(budget.tryAcquire(600, 0)).as("600 more bytes than the 400 left").isFalse();
        assertThat(budget.tryAcquire(400, 0)).isTrue();
        assertThat(budget.bytes()).isEqualTo(1000);
        assertThat(budget.records()).isEqualTo(2);

        budget.release(600);
        assertThat(budget.tryAcquire(600, 0)).isTrue();
    }

    @Test
    void boundsRecordsAsWellAsBytes() throws InterruptedException {
        InFlightBudget budget = new InFlightBudget(2, 1_000_000);

        assertThat(budget.tryAcquire(1, 0)).isTrue();
        assertThat(budget.tryAcquire(1, 0)).isTrue();
        assertThat(budget.tryAcquire(1, 0)).isFalse();
        assertThat(budget.bytes()).as("a refused record keeps no bytes").isEqualTo(2);
    }

    @Test
    void waitsForRoomUntilItsDeadline() throws InterruptedException {
        InFlightBudget budget = new InFlightBudget(10, 100);
        assertThat(budget.tryAcquire(100, 0)).isTrue();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(50); // the ack that frees the room comes a little later
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            budget.release(100);
        });

        assertThat(budget.tryAcquire(100, TimeUnit.SECONDS.toNanos(5))).isTrue();
    }

    @Test
    void aRecordLargerThanTheWholeBudgetGoesAlone() throws InterruptedException {
        InFlightBudget budget = new InFlightBudget(10, 100);

        assertThat(budget.tryAcquire(500, 0)).isTrue();
        assertThat(budget.tryAcquire(1, 0)).isFalse();
        budget.release(500);
        assertThat(budget.bytes()).isZero();
    }

    @Test
    void refusesAnEmptyBudget() {
        assertThatThrownBy(() -> new InFlightBudget(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InFlightBudget(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
