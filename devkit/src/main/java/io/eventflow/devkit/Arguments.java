package io.eventflow.devkit;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Parses {@code --name value} command-line options of the devkit processes. */
record Arguments(Map<String, String> values) {

    static Arguments parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got: " + String.join(" ", args));
            }
            values.put(args[i].substring(2), args[++i]);
        }
        return new Arguments(Map.copyOf(values));
    }

    int intValue(String name, int defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : Integer.parseInt(value);
    }

    Path path(String name, Path defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : Path.of(value);
    }
}
