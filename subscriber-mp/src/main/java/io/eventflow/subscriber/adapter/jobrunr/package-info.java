/**
 * Every adapter to JobRunr, in and out: the per-event job (request, handler, retry and final-failure filters,
 * tracing of each attempt), the scheduler and requeuer the use cases call through their ports, the job inspector
 * of the reconciler, the job views of the event story, and the readiness check and metrics read from JobRunr's
 * storage. Nothing outside this package and the configuration knows JobRunr's API.
 */
package io.eventflow.subscriber.adapter.jobrunr;
