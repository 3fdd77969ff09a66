package io.eventflow.subscriber.application.port.out;

import java.util.Optional;
import java.util.UUID;

import io.eventflow.subscriber.domain.ProcessingJob;

/** Reads what the job server knows of a processing job. */
public interface ProcessingJobPort {

    /** The job, or empty when the job server has no job with this id. */
    Optional<ProcessingJob> find(UUID jobId);
}
