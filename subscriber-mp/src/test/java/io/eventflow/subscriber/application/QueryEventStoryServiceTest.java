package io.eventflow.subscriber.application;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import io.eventflow.subscriber.domain.EventStory;
import io.eventflow.subscriber.domain.ProcessingJob;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryEventStoryServiceTest {

    private final UUID eventId = UUID.randomUUID();
    private final UUID jobId = UUID.randomUUID();
    private final EventStory stored = new EventStory(eventId, "user_analytics", "failed", 3, 3, "boom",
            OffsetDateTime.now(), OffsetDateTime.now(), null, null, null, "0af7651916cd43dd8448eb211c80319c");

    @Test
    void addsTheProcessingJobFoundUnderTheDerivedJobId() {
        ProcessingJob job = new ProcessingJob(jobId, "FAILED", 4);
        var service = new QueryEventStoryService(id -> Optional.of(stored),
                id -> id.equals(jobId) ? Optional.of(job) : Optional.empty(), id -> jobId);

        assertThat(service.story(eventId)).map(EventStory::job).contains(job);
    }

    @Test
    void namesTheDerivedJobIdEvenWhenTheJobServerNoLongerHasTheJob() {
        var service = new QueryEventStoryService(id -> Optional.of(stored), id -> Optional.empty(), id -> jobId);

        assertThat(service.story(eventId)).map(EventStory::job).contains(new ProcessingJob(jobId, null, 0));
    }

    @Test
    void hasNoStoryForAnUnknownEvent() {
        var service = new QueryEventStoryService(id -> Optional.empty(), id -> Optional.empty(), id -> jobId);

        assertThat(service.story(eventId)).isEmpty();
    }
}
