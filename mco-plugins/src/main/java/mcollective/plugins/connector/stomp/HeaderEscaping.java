package mcollective.plugins.connector.stomp;

/** STOMP 1.1/1.2 header escaping (ruby-stomp's {@code Stomp::HeaderCodec}). Stateless. */
final class HeaderEscaping {
    private HeaderEscaping() {}

    /**
     * Escapes a header key or value for the given version: {@code \} as {@code \\}, LF as {@code \n}, {@code :} as
     * {@code \c} from 1.1, and CR as {@code \r} from 1.2. In 1.0 the text is returned unchanged.
     */
    static String encode(String text, StompVersion version) {
        if (!version.escapesHeaders()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case ':' -> out.append("\\c");
                case '\r' -> out.append(version == StompVersion.V1_2 ? "\\r" : "\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Undoes {@link #encode}. {@code \r} is accepted in 1.1 as well, as ruby-stomp does. Any other escape sequence
     * is a protocol error, as the STOMP 1.1 specification requires.
     *
     * @throws StompException naming the text for an unknown or truncated escape sequence
     */
    static String decode(String text, StompVersion version) {
        if (!version.escapesHeaders() || text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 >= text.length()) {
                throw new StompException("Truncated escape sequence in STOMP header '" + text + "'");
            }
            char e = text.charAt(++i);
            switch (e) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 'c' -> out.append(':');
                case 'r' -> out.append('\r');
                default ->
                    throw new StompException("Undefined escape sequence \\" + e + " in STOMP header '" + text + "'");
            }
        }
        return out.toString();
    }
}
