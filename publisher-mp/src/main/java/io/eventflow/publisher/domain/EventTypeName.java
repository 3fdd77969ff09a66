package io.eventflow.publisher.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event type as clients name it: the contract's name ({@code user_analytics}) or its CloudEvents name
 * ({@code io.eventflow.user_analytics.v1}), which also pins the schema version.
 *
 * @param type    the contract's type name
 * @param version the version the name pins, or empty when the plain name was used
 */
public record EventTypeName(String type, Optional<Integer> version) {

    /** Prefix of the CloudEvents type names. */
    public static final String PREFIX = "io.eventflow.";
    private static final Pattern QUALIFIED = Pattern.compile("io\\.eventflow\\.([a-z][a-z0-9_]*)\\.v([1-9][0-9]{0,5})");
    private static final Pattern PLAIN = Pattern.compile("[a-z][a-z0-9_]*");

    /** Reads either form; empty when the name has neither shape. */
    public static Optional<EventTypeName> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher qualified = QUALIFIED.matcher(name);
        if (qualified.matches()) {
            return Optional.of(new EventTypeName(qualified.group(1), Optional.of(Integer.parseInt(qualified.group(2)))));
        }
        return PLAIN.matcher(name).matches() ? Optional.of(new EventTypeName(name, Optional.empty())) : Optional.empty();
    }

    /** The CloudEvents type of an event of this type and schema version, e.g. {@code io.eventflow.user_analytics.v1}. */
    public static String cloudEventType(String type, int version) {
        return PREFIX + type + ".v" + version;
    }
}
