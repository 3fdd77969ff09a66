/**
 * The platform under test: starting it ({@code ./eventflow run} on free ports, through test-support's
 * process handling), where it answers, its processes' memory and CPU from /proc, the rows its events left
 * in PostgreSQL, and pausing its subscriber.
 */
package io.eventflow.bench.platform;
