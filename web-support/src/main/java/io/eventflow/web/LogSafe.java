package io.eventflow.web;

import java.util.Locale;

/**
 * Makes a client-supplied value safe to write into a log line: control characters (C0, DEL, C1, and the Unicode
 * line and paragraph separators) become {@code \\uXXXX}, a backslash becomes {@code \\\\}, and very long values are
 * cut, so a request cannot forge log lines or flood the log.
 */
public final class LogSafe {

    /** Longest value written; longer ones end with {@code ...(<n> chars)}. */
    public static final int MAX_LENGTH = 512;

    private LogSafe() {
    }

    /** The value with control characters escaped ({@code "null"} for null). */
    public static String escape(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        int length = Math.min(text.length(), MAX_LENGTH);
        StringBuilder out = null;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean unsafe = needsEscape(c);
            if (unsafe && out == null) {
                out = new StringBuilder(length + 16).append(text, 0, i);
            }
            if (out != null) {
                if (c == '\\') {
                    out.append("\\\\");
                } else if (unsafe) {
                    out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        String safe = out == null ? text.substring(0, length) : out.toString();
        return text.length() > MAX_LENGTH ? safe + "...(" + text.length() + " chars)" : safe;
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\\';
    }
}
