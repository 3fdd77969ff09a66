package io.eventflow.web.logging;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/**
 * The services' console log handler: writes to standard output, plain text by default ({@link TextLogFormatter}:
 * the format of {@code java.util.logging.SimpleFormatter.format} with the trace id of lines written inside a trace),
 * or one JSON object per line ({@link JsonLogFormatter}) when the environment variable {@code EVENTFLOW_LOG_FORMAT}
 * or the system property {@code eventflow.log.format} is {@code json}. Selected in {@code logging.properties} with
 * {@code handlers=io.eventflow.web.logging.EventflowConsoleHandler}.
 */
public class EventflowConsoleHandler extends StreamHandler {

    /** Creates the handler in the format the environment asks for; every level passes (loggers filter). */
    public EventflowConsoleHandler() {
        this(System.out, json(Optional.ofNullable(System.getProperty("eventflow.log.format"))
                .or(() -> Optional.ofNullable(System.getenv("EVENTFLOW_LOG_FORMAT"))).orElse("text")));
    }

    /** Creates the handler on {@code out}, JSON lines or plain text. */
    EventflowConsoleHandler(PrintStream out, boolean json) {
        super(out, json ? new JsonLogFormatter() : new TextLogFormatter());
        setLevel(Level.ALL);
        String level = LogManager.getLogManager().getProperty(getClass().getName() + ".level");
        if (level != null) {
            setLevel(Level.parse(level));
        }
    }

    /** True when {@code format} asks for JSON lines; anything else is plain text. */
    static boolean json(String format) {
        return "json".equals(format.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public synchronized void publish(LogRecord record) {
        super.publish(record);
        // one line at a time reaches the console at once, as with Java's ConsoleHandler
        flush();
    }

    @Override
    public synchronized void close() {
        // standard output stays open for others; only flush
        flush();
    }
}
