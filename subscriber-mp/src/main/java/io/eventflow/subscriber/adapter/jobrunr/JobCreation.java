package io.eventflow.subscriber.adapter.jobrunr;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * Creates jobs whose ids derive from what they process, many in one bulk insert. JobRunr ignores a single new job
 * whose id it already stores, but a bulk insert with such an id fails as a whole; a redelivered batch therefore falls
 * back to one job at a time, so it creates no second job.
 */
final class JobCreation {

    private static final Logger LOGGER = Logger.getLogger(JobCreation.class.getName());

    private JobCreation() {
    }

    /** Creates the jobs, in bulk when there are several. */
    static void createAll(JobRequestScheduler scheduler, List<JobBuilder> jobs) {
        if (jobs.size() == 1) {
            scheduler.create(jobs.getFirst());
            return;
        }
        try {
            scheduler.create(jobs.stream());
        } catch (RuntimeException bulkFailed) {
            LOGGER.info(() -> "Bulk insert of " + jobs.size() + " jobs failed (" + bulkFailed.getClass().getSimpleName()
                    + "): a redelivery of stored jobs, or storage trouble; inserting them one by one");
            LOGGER.log(Level.FINE, "Bulk insert failure", bulkFailed);
            jobs.forEach(scheduler::create);
        }
    }
}
