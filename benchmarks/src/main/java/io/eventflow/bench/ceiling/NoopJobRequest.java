package io.eventflow.bench.ceiling;

import org.jobrunr.jobs.lambdas.JobRequest;

/** A JobRunr job that does nothing: the job system's own cost, for the job-system ceiling (public for JobRunr). */
public record NoopJobRequest(long seq) implements JobRequest {

    /** The handler that runs it. */
    @Override
    public Class<NoopJobHandler> getJobRequestHandler() {
        return NoopJobHandler.class;
    }
}
