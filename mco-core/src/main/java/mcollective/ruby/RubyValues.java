package mcollective.ruby;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Ruby's view of plain values: {@code to_s} and {@code inspect} of decoded data, the two boolean readings of text
 * MCollective uses ({@code Util.str_to_bool} for config, {@code DDL.string_to_boolean} for DDL inputs) and
 * {@code String#<=>}. Decoded data is Java's: null is nil, String, Boolean, Long/Integer/BigInteger, Double, List,
 * Map, and the {@link RubyObject}s of the codec. Stateless and thread-safe.
 */
public final class RubyValues {
    private static final Pattern TRUE = Pattern.compile("^(1|yes|true|y|t)$", flags());
    private static final Pattern FALSE = Pattern.compile("^(0|no|false|n|f)$", flags());
    private static final List<String> DDL_TRUE = List.of("true", "t", "yes", "y", "1");
    private static final List<String> DDL_FALSE = List.of("false", "f", "no", "n", "0");

    private RubyValues() {}

    private static int flags() {
        // Ruby's ^ and $ are line anchors: "yes\nfoo" is true
        return Pattern.CASE_INSENSITIVE | Pattern.MULTILINE | Pattern.UNIX_LINES;
    }

    /**
     * Ruby's {@code to_s}: nil is {@code ""}, a Float prints as {@code Float#to_s} ({@code 1.0e+16}), a
     * {@link RubyObject} as itself (a Symbol its name), anything else by {@code toString()}.
     *
     * @param value any decoded value, may be null
     * @return the text; never null
     */
    public static String toS(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof RubyObject object) {
            return object.toS();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return RubyFloat.toS(((Number) value).doubleValue());
        }
        return value.toString();
    }

    /**
     * Ruby's {@code inspect}, as MCollective's messages quote a value: {@code nil}, {@code "text"} with Ruby's
     * escapes, {@code :sym}, {@code 1.5}, {@code [1, 2]}, {@code {"a"=>1}}.
     *
     * @param value any decoded value, may be null
     * @return the text; never null
     */
    public static String inspect(Object value) {
        if (value == null) {
            return "nil";
        }
        if (value instanceof String text) {
            return quote(text);
        }
        if (value instanceof byte[] bytes) {
            return quote(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        if (value instanceof RubyObject object) {
            return object.inspect();
        }
        if (value instanceof List<?> list) {
            StringJoiner joiner = new StringJoiner(", ", "[", "]");
            list.forEach(v -> joiner.add(inspect(v)));
            return joiner.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner joiner = new StringJoiner(", ", "{", "}");
            map.forEach((k, v) -> joiner.add(inspect(k) + "=>" + inspect(v)));
            return joiner.toString();
        }
        return toS(value);
    }

    /**
     * {@code String#inspect} of a UTF-8 String: double quotes, with {@code "}, backslash, <code>#{</code>, {@code #$},
     * {@code #@} and control characters escaped ({@code \n}, {@code \e}, a Unicode escape for the others).
     */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                case '\u000b' -> out.append("\\v");
                case '\u0007' -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\u001b' -> out.append("\\e");
                case '#' -> {
                    char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                    out.append(next == '{' || next == '$' || next == '@' ? "\\#" : "#");
                }
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * {@code Util.str_to_bool} (util.rb): after stripping, a line of {@code 1|yes|true|y|t} is true, else a line of
     * {@code 0|no|false|n|f} is false, any case.
     *
     * @return the boolean, or empty where Ruby raises {@code Cannot convert string value '...' into a boolean.}
     */
    public static Optional<Boolean> strToBool(String value) {
        String clean = strip(value);
        if (TRUE.matcher(clean).find()) {
            return Optional.of(true);
        }
        return FALSE.matcher(clean).find() ? Optional.of(false) : Optional.empty();
    }

    /**
     * {@code DDL.string_to_boolean} (ddl.rb): exactly {@code true t yes y 1} or {@code false f no n 0}, any case,
     * nothing stripped.
     *
     * @return the boolean, or empty where Ruby raises {@code ... does not look like a boolean argument}
     */
    public static Optional<Boolean> stringToBoolean(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (DDL_TRUE.contains(lower)) {
            return Optional.of(true);
        }
        return DDL_FALSE.contains(lower) ? Optional.of(false) : Optional.empty();
    }

    /** Ruby's {@code String#strip}: without the white space of Ruby's {@code ISSPACE} ({@code " \t\n\v\f\r"}). */
    public static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** Ruby's {@code String#<=>}: unsigned byte order of the UTF-8 encoding; negative, zero or positive. */
    public static int compareStrings(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            int diff = Byte.toUnsignedInt(x[i]) - Byte.toUnsignedInt(y[i]);
            if (diff != 0) {
                return diff;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
