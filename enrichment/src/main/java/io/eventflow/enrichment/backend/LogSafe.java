package io.eventflow.enrichment.backend;

/** Makes untrusted text (model output, server error bodies) safe to log and store: escaped and bounded. */
public final class LogSafe {

    /** Longest escaped text we keep; enough to diagnose, too short to flood a log. */
    public static final int MAX_CHARS = 300;

    private LogSafe() {
    }

    /** Escapes control and non-ASCII characters as {@code \\uXXXX} and cuts the text at {@link #MAX_CHARS}. */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 8);
        int i = 0;
        for (; i < text.length() && out.length() < MAX_CHARS; i++) {
            char c = text.charAt(i);
            // Escaping newlines defeats forged log lines; escaping non-ASCII defeats terminal and bidi tricks.
            if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return i < text.length() ? out.append("...").toString() : out.toString();
    }
}
