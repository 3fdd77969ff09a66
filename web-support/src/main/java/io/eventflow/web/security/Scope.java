package io.eventflow.web.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an API key may do. The publisher's routes need {@link #PUBLISH}; the subscriber's reading routes
 * (listings, analytics, an event's story) need {@link #READ}, and its state-changing routes (requeue one, requeue
 * all, any later admin route) need {@link #ADMIN}. A key configured without scopes has all of them.
 */
public enum Scope {
    /** Send events to the publisher. */
    PUBLISH,
    /** Read stored events, analytics and event stories from the subscriber. */
    READ,
    /** Change state on the subscriber: requeue failed events. */
    ADMIN;

    /** The scope's name in configuration and in {@code SecurityContext.isUserInRole}: lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scope named {@code id} (case-insensitive), if there is one. */
    public static Optional<Scope> of(String id) {
        return Arrays.stream(values()).filter(scope -> scope.id().equalsIgnoreCase(id.strip())).findFirst();
    }
}
