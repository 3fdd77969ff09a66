package io.eventflow.web.logging;

import java.util.Map;
import java.util.TreeMap;

/**
 * Facts about the work the current thread does - the event id, the correlation id, the trace id - that every log
 * line written meanwhile should carry. The JSON formatter puts them on each line as fields; code sets them around a
 * unit of work with try-with-resources:
 * <pre>
 * try (LogContext.Scope scope = LogContext.with("event_id", id.toString(), "correlation_id", cid)) { ... }
 * </pre>
 */
public final class LogContext {

    private static final ThreadLocal<Map<String, String>> CURRENT = ThreadLocal.withInitial(TreeMap::new);

    private LogContext() {
    }

    /** Sets name/value pairs for the current thread until the returned scope is closed (null values are skipped). */
    public static Scope with(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, String> before = new TreeMap<>(CURRENT.get());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                CURRENT.get().put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return () -> {
            CURRENT.get().clear();
            CURRENT.get().putAll(before);
        };
    }

    /** The value set for {@code name} on this thread, or null. */
    public static String get(String name) {
        return CURRENT.get().get(name);
    }

    /** Restores what was set before {@link #with}. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
