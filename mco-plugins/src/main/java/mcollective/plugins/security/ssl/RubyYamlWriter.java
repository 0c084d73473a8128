package mcollective.plugins.security.ssl;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import mcollective.McollectiveException;
import mcollective.protocol.codec.RubyRegexp;
import mcollective.protocol.codec.RubyString;
import mcollective.protocol.codec.RubySymbol;
import mcollective.ruby.RubyFloat;

/**
 * Writes a Ruby value as block-style YAML that Psych's {@code safe_load} reads back into the same value. Every String
 * is double-quoted with escapes, so no String can be taken for a number, a boolean, nil or a Symbol, and the text
 * Psych loads is exactly the text written; a Symbol is written {@code :name} as Psych writes it, or
 * {@code !ruby/symbol "…"} when its name would not survive as a plain scalar.
 */
final class RubyYamlWriter {
    private static final Pattern PLAIN_SYMBOL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*[?!]?");
    private static final int MAX_DEPTH = 64;

    private final StringBuilder out = new StringBuilder();

    private RubyYamlWriter() {}

    /** The YAML document for {@code value}, starting {@code ---} as {@code YAML.dump} does. */
    static String dump(Object value) {
        RubyYamlWriter writer = new RubyYamlWriter();
        writer.out.append("---");
        writer.value(value, 0, 0);
        return writer.out.toString();
    }

    /** Writes {@code value} after a key or a dash already on the current line; ends the line. */
    private void value(Object value, int indent, int depth) {
        if (depth > MAX_DEPTH) {
            throw new McollectiveException("Cannot write YAML nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            out.append('\n');
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(" ".repeat(indent));
                out.append(key(entry.getKey())).append(':');
                value(entry.getValue(), indent + 2, depth + 1);
            }
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            out.append('\n');
            for (Object element : list) {
                out.append(" ".repeat(indent)).append('-');
                value(element, indent + 2, depth + 1);
            }
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    private static String key(Object key) {
        if (key instanceof Map<?, ?> || key instanceof List<?>) {
            throw new McollectiveException("Cannot write a " + key.getClass().getSimpleName() + " as a YAML key");
        }
        return scalar(key);
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "~";
        }
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof List<?>) {
            return "[]";
        }
        if (value instanceof Boolean
                || value instanceof Long
                || value instanceof Integer
                || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Double d) {
            return floatText(d);
        }
        if (value instanceof String text) {
            return quoted(text);
        }
        if (value instanceof byte[] bytes) {
            return bytes(bytes);
        }
        if (value instanceof RubyString string) {
            return string.encoding().equals(RubyString.Encoding.BINARY) ? bytes(string.bytes()) : quoted(string.text());
        }
        if (value instanceof RubySymbol symbol) {
            return PLAIN_SYMBOL.matcher(symbol.name()).matches()
                    ? ":" + symbol.name()
                    : "!ruby/symbol " + quoted(symbol.name());
        }
        if (value instanceof RubyRegexp regexp) {
            return "!ruby/regexp " + quoted(regexp.inspect());
        }
        throw new McollectiveException("Cannot write a " + value.getClass().getSimpleName() + " as YAML");
    }

    /** Psych's {@code visit_Float}: {@code .nan}, {@code .inf}, {@code -.inf}, else Ruby's {@code Float#to_s}. */
    private static String floatText(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        return RubyFloat.toS(d);
    }

    /** Text when the bytes are UTF-8 (Psych too writes an ASCII binary String as text), else {@code !binary}. */
    private static String bytes(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return quoted(text);
        } catch (CharacterCodingException e) {
            return "!binary \"" + Base64.getEncoder().encodeToString(bytes) + "\"";
        }
    }

    /** A YAML double-quoted scalar: every character that is not printable, or is a YAML line break, escaped. */
    static String quoted(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else if (c == '\u2028'
                            || c == '\u2029'
                            || c == '\ufeff'
                            || c == '\ufffe'
                            || c == '\uffff'
                            || (Character.isSurrogate(c) && !pairedAt(text, i))) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean pairedAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
