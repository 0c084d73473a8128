package mcollective.logging;

/**
 * Makes a value that came from the wire safe for a log line: control characters are written as {@code \n},
 * {@code \r}, {@code \t}, {@code \e} or {@code \xNN}, so a payload cannot forge a line, and the text is cut to
 * {@link #MAX_CHARS} characters with a {@code …(N more)} marker. Null becomes {@code "null"}.
 */
public final class LogSafe {
    /** The most characters of one value that reach a log line. */
    public static final int MAX_CHARS = 512;

    private LogSafe() {}

    /** The escaped, bounded text of {@code value} ({@code String.valueOf}, so a Throwable gives its toString). */
    public static String of(Object value) {
        String text = String.valueOf(value);
        int end = Math.min(text.length(), MAX_CHARS);
        StringBuilder out = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                out.append("\\\\"); // so that an escape in the value cannot pass for one of ours
            } else {
                escape(c, out);
            }
        }
        if (text.length() > end) {
            out.append("…(").append(text.length() - end).append(" more)");
        }
        return out.toString();
    }

    /**
     * {@code text} with its control characters escaped as {@link #of} does, and nothing else changed: no cut, and
     * backslashes stay (they may be the escapes {@link #of} wrote). The layouts' last line of defence, for a
     * message as a whole.
     */
    public static String controlsEscaped(String text) {
        int i = 0;
        while (i < text.length() && !isControl(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text; // the usual case: nothing to copy
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            escape(text.charAt(i), out);
        }
        return out.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029';
    }

    private static void escape(char c, StringBuilder out) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x1b -> out.append("\\e");
            default -> {
                if (isControl(c)) {
                    out.append(String.format("\\x%02x", (int) c & 0xffff));
                } else {
                    out.append(c);
                }
            }
        }
    }
}
