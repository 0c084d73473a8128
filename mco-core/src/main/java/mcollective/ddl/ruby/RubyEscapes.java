package mcollective.ddl.ruby;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mcollective.ddl.DdlException;

/** Ruby's string escapes for {@link RubyDslLexer}: single-quoted, double-quoted and heredoc text. */
final class RubyEscapes {
    /** The interpolations an {@code each} loop can fill in: a variable, optionally with a case method. */
    static final Pattern TEMPLATE =
            Pattern.compile("#\\{\\s*([a-z_][A-Za-z0-9_]*)((?:\\.(?:capitalize|upcase|downcase|to_s|to_sym))*)\\s*\\}");

    private RubyEscapes() {}

    /**
     * Ruby's escapes: in single quotes only {@code \\} and the quote itself; in double quotes the usual C escapes,
     * {@code \\uXXXX}, {@code \\xHH}, and any other character stands for itself. In double quotes
     * {@code #{name}} and {@code #{name.capitalize}} (also {@code upcase}, {@code downcase}, {@code to_s}) (the loop variables of {@link RubyCallParser}'s {@code each}
     * loops) are kept as written, for the parser to substitute; any other {@code #{...}} is refused.
     */
    static String unescape(String raw, char quote, Function<String, DdlException> error) {
        StringBuilder out = new StringBuilder();
        boolean doubleQuoted = quote == '"';
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (doubleQuoted && c == '#' && i + 1 < raw.length() && raw.charAt(i + 1) == '{') {
                Matcher template = TEMPLATE.matcher(raw).region(i, raw.length());
                if (!template.lookingAt()) {
                    throw error.apply("string interpolation is not supported in a DDL: " + excerpt(raw, i));
                }
                out.append(template.group());
                i = template.end() - 1;
                continue;
            }
            if (c != '\\' || i + 1 == raw.length()) {
                out.append(c);
                continue;
            }
            char next = raw.charAt(++i);
            if (!doubleQuoted) {
                out.append(next == quote || next == '\\' ? String.valueOf(next) : "\\" + next);
                continue;
            }
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 's' -> out.append(' ');
                case 'e' -> out.append('\u001b');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                case '0' -> out.append('\0');
                case '\n' -> {}
                case 'u' -> {
                    int end = Math.min(raw.length(), i + 5);
                    if (end - i != 5 || !raw.substring(i + 1, end).matches("\\p{XDigit}{4}")) {
                        throw error.apply("invalid Unicode escape in " + excerpt(raw, i));
                    }
                    out.append((char) Integer.parseInt(raw.substring(i + 1, end), 16));
                    i = end - 1;
                }
                case 'x' -> {
                    int end = i + 1;
                    while (end < raw.length() && end < i + 3 && Character.digit(raw.charAt(end), 16) >= 0) {
                        end++;
                    }
                    if (end == i + 1) {
                        throw error.apply("invalid hex escape in " + excerpt(raw, i));
                    }
                    out.append((char) Integer.parseInt(raw.substring(i + 1, end), 16));
                    i = end - 1;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    private static String excerpt(String raw, int at) {
        String rest = raw.substring(at);
        return rest.length() > 20 ? rest.substring(0, 20) + "..." : rest;
    }
}
