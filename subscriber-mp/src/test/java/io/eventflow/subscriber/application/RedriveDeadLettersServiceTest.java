package io.eventflow.subscriber.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.eventflow.subscriber.application.port.in.RedriveDeadLettersUseCase.Correction;
import io.eventflow.subscriber.application.port.in.RedriveDeadLettersUseCase.Outcome;
import io.eventflow.subscriber.application.port.out.DeadLetterPort;
import io.eventflow.subscriber.domain.DeadLetter;
import io.eventflow.subscriber.domain.DeadLetterPage;
import io.eventflow.subscriber.domain.DeadLetterScan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Redrive keeps the event id, goes oldest first, filters by reason; browsing pages newest first. */
class RedriveDeadLettersServiceTest {

    private static final UUID ID = UUID.randomUUID();
    private final FakeDeadLetters port = new FakeDeadLetters(List.of(
            letter(0, 5, 30, "unknown event type 'x'", null, "v3"),
            letter(1, 2, 20, "invalid user_analytics event: timestamp ...", ID, "v2"),
            letter(0, 4, 10, "Unknown event type 'x'", null, "v1")));
    private final RedriveDeadLettersService redrive = new RedriveDeadLettersService(port);

    @Test
    void redrivesOneAsItIsOrCorrectedWithTheSameEventId() {
        assertThat(redrive.redrive(1, 2, Optional.empty())).isEqualTo(Outcome.REDRIVEN);
        assertThat(redrive.redrive(1, 2, Optional.of(new Correction("fixed", ID)))).isEqualTo(Outcome.REDRIVEN);

        assertThat(port.sent).containsExactly("1-2:v2", "1-2:fixed");
    }

    @Test
    void refusesACorrectionWithAnotherOrNoEventIdAndAnUnknownDeadLetter() {
        assertThat(redrive.redrive(1, 2, Optional.of(new Correction("x", UUID.randomUUID()))))
                .isEqualTo(Outcome.EVENT_ID_CHANGED);
        assertThat(redrive.redrive(1, 2, Optional.of(new Correction("x", null)))).isEqualTo(Outcome.EVENT_ID_MISSING);
        assertThat(redrive.redrive(7, 7, Optional.empty())).isEqualTo(Outcome.NOT_FOUND);
        assertThat(port.sent).isEmpty();
    }

    @Test
    void redrivesEveryDeadLetterWithTheReasonOldestFirst() {
        assertThat(redrive.redriveAll(Optional.of("unknown event TYPE"))).isEqualTo(2);
        assertThat(port.sent).containsExactly("0-4:v1", "0-5:v3");
        assertThat(redrive.redriveAll(Optional.empty())).isEqualTo(3);
    }

    @Test
    void pagesNewestFirstWithTheTotalOfTheMatchingOnes() {
        BrowseDeadLettersService browse = new BrowseDeadLettersService(port);

        DeadLetterPage page = browse.page(Optional.of("unknown"), 1, 5);

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.letters()).extracting(DeadLetter::id).containsExactly("0-4");
        assertThat(browse.page(Optional.empty(), 9, 5).letters()).isEmpty();
    }

    private static DeadLetter letter(int partition, long offset, long second, String reason, UUID eventId,
                                     String value) {
        return new DeadLetter(partition, offset, Instant.ofEpochSecond(second), reason, "poison", "eventflow.events",
                0, 1L, "k", eventId, "user_analytics", value, null, Map.of());
    }

    /** The dead-letter topic as a list (newest first), recording what is sent back. */
    private static final class FakeDeadLetters implements DeadLetterPort {
        private final List<DeadLetter> letters;
        private final List<String> sent = new ArrayList<>();

        FakeDeadLetters(List<DeadLetter> letters) {
            this.letters = letters;
        }

        @Override
        public DeadLetterScan scan() {
            return new DeadLetterScan(letters, false);
        }

        @Override
        public Optional<DeadLetter> find(int partition, long offset) {
            return letters.stream().filter(l -> l.partition() == partition && l.offset() == offset).findFirst();
        }

        @Override
        public void republish(DeadLetter letter, String value) {
            sent.add(letter.id() + ":" + value);
        }
    }
}
