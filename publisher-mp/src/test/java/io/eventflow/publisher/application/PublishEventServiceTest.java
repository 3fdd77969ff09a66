package io.eventflow.publisher.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.eventflow.publisher.application.port.in.IdempotencyKey;
import io.eventflow.publisher.application.port.in.PublishEventCommand;
import io.eventflow.publisher.domain.EventKeys;
import io.eventflow.publisher.domain.EventOrigin;
import io.eventflow.publisher.domain.OutgoingEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishEventServiceTest {

    private static final Map<String, Object> PAYLOAD = Map.of("user_id", "u-1", "event_type", "click",
            "timestamp", "2024-01-01T12:00:00Z");
    private final List<OutgoingEvent> sent = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2024-02-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void givesEachEventWithoutKeyItsOwnIdKeyAndTime() {
        PublishEventService service = service();

        UUID first = service.publish(new PublishEventCommand("user_analytics", 1, PAYLOAD, "c")).toCompletableFuture().join();
        UUID second = service.publish(new PublishEventCommand("user_analytics", 1, PAYLOAD, "c")).toCompletableFuture().join();

        assertThat(first).isNotEqualTo(second);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).key()).isEqualTo("u-1");
        assertThat(sent.get(0).publishedAt()).isEqualTo(clock.instant());
        assertThat(sent.get(0).cloudEventId()).isEqualTo(first.toString());
        assertThat(sent.get(0).cloudEventTime()).isEqualTo("2024-01-01T12:00:00Z");
    }

    @Test
    void derivesTheSameIdForTheSameKeyAndContentOnEveryInstance() {
        UUID one = service().publish(keyed("key-1", "fp")).toCompletableFuture().join();
        UUID other = service().publish(keyed("key-1", "fp")).toCompletableFuture().join();
        UUID otherContent = service().publish(keyed("key-1", "fp2")).toCompletableFuture().join();

        assertThat(other).isEqualTo(one);
        assertThat(otherContent).isNotEqualTo(one);
    }

    @Test
    void publishesAKeyedEventOnceWithinTheWindow() {
        PublishEventService service = service();

        service.publish(keyed("key-1", "fp")).toCompletableFuture().join();
        service.publish(keyed("key-1", "fp")).toCompletableFuture().join();

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).origin().source()).isEqualTo("/test");
    }

    @Test
    void scopesKeysToTheClientThatSentThem() {
        PublishEventService service = service();

        UUID byA = service.publish(keyed("key-a", "key-1", "fp")).toCompletableFuture().join();
        UUID byB = service.publish(keyed("key-b", "key-1", "fp2")).toCompletableFuture().join();
        UUID againByA = service.publish(keyed("key-a", "key-1", "fp")).toCompletableFuture().join();

        assertThat(byB).isNotEqualTo(byA);
        assertThat(againByA).isEqualTo(byA);
        assertThat(sent).hasSize(2);
    }

    @Test
    void aClientNameCannotBeChosenToCollideWithAnotherClientsKey() {
        PublishEventService service = service();

        UUID one = service.publish(keyed("a", "b c", "fp")).toCompletableFuture().join();
        UUID other = service.publish(keyed("a b", "c", "fp")).toCompletableFuture().join();

        assertThat(other).isNotEqualTo(one);
    }

    private PublishEventCommand keyed(String client, String key, String fingerprint) {
        return new PublishEventCommand("user_analytics", 1, PAYLOAD, "c", new EventOrigin("/test", "ce-1", null, null),
                new IdempotencyKey(client, key, fingerprint));
    }

    private PublishEventCommand keyed(String key, String fingerprint) {
        return new PublishEventCommand("user_analytics", 1, PAYLOAD, "c", new EventOrigin("/test", "ce-1", null, null),
                new IdempotencyKey(key, fingerprint));
    }

    private PublishEventService service() {
        return new PublishEventService(event -> {
            sent.add(event);
            return CompletableFuture.completedFuture(null);
        }, EventKeys.defaults(), clock, "test", new IdempotencyWindow(clock, Duration.ofHours(1), 100));
    }
}
