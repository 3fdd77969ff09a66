package io.eventflow.processing.application.port.out;

import java.util.Optional;

import io.eventflow.processing.domain.StreamedEvent;
import io.eventflow.processing.domain.StreamPosition;

/** Reads an event again from where it was first read in the stream. */
public interface StreamReplayPort {

    /**
     * The event at that position, with the trace its record carries; empty when the record is gone (retention) or
     * is not that event any more.
     */
    Optional<StreamedEvent> read(StreamPosition position);
}
