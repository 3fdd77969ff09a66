/** Timed driving adapters: the reconciler that repairs events stuck before a final status. */
package io.eventflow.subscriber.adapter.in.scheduling;
