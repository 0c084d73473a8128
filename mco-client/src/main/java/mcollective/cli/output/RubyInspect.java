package mcollective.cli.output;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import mcollective.protocol.codec.RubyString;
import mcollective.protocol.codec.RubySymbol;

/** Ruby's {@code inspect} of decoded values, as {@code mco rpc -v} and non-scalar outputs print them. */
public final class RubyInspect {
    private RubyInspect() {}

    public static String inspect(Object value) {
        if (value == null) {
            return "nil";
        }
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof RubyString s) {
            return quote(s.text());
        }
        if (value instanceof byte[] b) {
            return quote(new String(b, StandardCharsets.ISO_8859_1));
        }
        if (value instanceof RubySymbol s) {
            return ":" + s.name();
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
        return String.valueOf(value);
    }

    /** {@code to_s}: strings bare, everything else inspected. */
    public static String plain(Object value) {
        if (value instanceof String s) {
            return s;
        }
        return value == null ? "" : inspect(value);
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '#' -> out.append('#');
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
