/**
 * Log output for both services: plain text for people (the default), or one JSON object per line for log shippers
 * ({@link io.eventflow.web.logging.EventflowConsoleHandler} with {@code EVENTFLOW_LOG_FORMAT=json}).
 */
package io.eventflow.web.logging;
