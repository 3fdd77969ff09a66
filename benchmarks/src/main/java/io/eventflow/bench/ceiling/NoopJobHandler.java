package io.eventflow.bench.ceiling;

import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs a {@link NoopJobRequest}: nothing at all (public: JobRunr calls it by reflection). */
public final class NoopJobHandler implements JobRequestHandler<NoopJobRequest> {

    /** Does nothing; JobRunr still fetches, runs and marks the job succeeded. */
    @Override
    public void run(NoopJobRequest request) {
        // intentionally empty
    }
}
