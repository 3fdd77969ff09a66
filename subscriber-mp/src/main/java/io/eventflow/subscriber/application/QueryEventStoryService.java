package io.eventflow.subscriber.application;

import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.eventflow.subscriber.application.port.in.QueryEventStoryUseCase;
import io.eventflow.subscriber.application.port.out.EventStoryPort;
import io.eventflow.subscriber.application.port.out.ProcessingJobPort;
import io.eventflow.subscriber.domain.EventStory;
import io.eventflow.subscriber.domain.ProcessingJob;

/**
 * Tells an event's story from its stored status and the job that processed it: the batch job its status names, or
 * else its job of its own, whose id derives from the event id.
 */
public final class QueryEventStoryService implements QueryEventStoryUseCase {

    private final EventStoryPort stories;
    private final ProcessingJobPort jobs;
    private final UnaryOperator<UUID> jobIdOf;

    /** Creates the service; {@code jobIdOf} derives an event's job id from its event id. */
    public QueryEventStoryService(EventStoryPort stories, ProcessingJobPort jobs, UnaryOperator<UUID> jobIdOf) {
        this.stories = stories;
        this.jobs = jobs;
        this.jobIdOf = jobIdOf;
    }

    @Override
    public Optional<EventStory> story(UUID eventId) {
        return stories.find(eventId).map(story -> {
            UUID jobId = story.job() != null ? story.job().id() : jobIdOf.apply(eventId);
            return story.withJob(jobs.find(jobId).orElse(new ProcessingJob(jobId, null, 0)));
        });
    }
}
