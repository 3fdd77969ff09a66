package io.eventflow.schemas;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Text that PostgreSQL can store: no U+0000 (NUL), which {@code text}, {@code varchar} and {@code jsonb} all refuse,
 * and no unpaired UTF-16 surrogate (a JSON {@code "\ud800"} escape), which has no UTF-8 form and would reach the
 * database as a replacement character. An event that breaks either rule would be accepted and then fail on every
 * retry, so it is refused at the edge.
 */
public final class StorableText {

    /** The reason given for a field whose name or value breaks the rule. */
    public static final String REASON = "must not contain the character U+0000 (NUL) or an unpaired surrogate escape:"
            + " the database cannot store them";

    /** At most this many fields are named; an event with more offending fields still fails. */
    static final int MAX_REPORTED = 20;

    private StorableText() {
    }

    /** Whether the text can be stored as it is (null counts as storable). */
    public static boolean isStorable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One violation per property name or string value, at any depth, that cannot be stored; a bad name is reported
     * at the property it names. At most {@value #MAX_REPORTED}, in document order.
     */
    public static List<Violation> violations(JsonNode node) {
        List<Violation> found = new ArrayList<>();
        walk(node, new ArrayList<>(), found);
        return found;
    }

    private static void walk(JsonNode node, List<Object> path, List<Violation> found) {
        if (found.size() >= MAX_REPORTED || node == null) {
            return;
        }
        if (node.isTextual()) {
            if (!isStorable(node.textValue())) {
                found.add(at(path));
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext() && found.size() < MAX_REPORTED) {
                Map.Entry<String, JsonNode> field = fields.next();
                path.add(field.getKey());
                if (!isStorable(field.getKey())) {
                    found.add(at(path));
                } else {
                    walk(field.getValue(), path, found);
                }
                path.remove(path.size() - 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size() && found.size() < MAX_REPORTED; i++) {
                path.add(i);
                walk(node.get(i), path, found);
                path.remove(path.size() - 1);
            }
        }
    }

    private static Violation at(List<Object> path) {
        InstanceLocation location = new InstanceLocation(path);
        // the name itself may hold the NUL: keep the reported field and pointer printable
        return new Violation(printable(location.field()), printable(location.pointer()), REASON);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            if (c == 0 || Character.isSurrogate((char) c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }
}
