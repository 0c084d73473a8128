package mcollective.ddl;

import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import mcollective.protocol.codec.RubyRegexp;
import mcollective.ruby.RubyNumbers;
import mcollective.ruby.RubyRegex;
import mcollective.ruby.RubyRegexException;
import mcollective.ruby.RubyValues;

/**
 * The value checks DDL validation is built from, with MCollective's messages: ports of
 * {@code validator/typecheck_validator.rb}, {@code length_validator.rb}, {@code regex_validator.rb} and
 * {@code array_validator.rb}. The {@code typecheck}, {@code length}, {@code regex} and {@code array} validator
 * plugins delegate here, so a DDL check and a direct call agree. Each throws {@link DdlValidationException} when
 * the value fails. Stateless; thread-safe.
 */
public final class ValueChecks {
    /** The type names {@code Validator.validate} hands to the typecheck validator. */
    public static final List<String> TYPECHECK_TYPES = List.of("integer", "boolean", "float", "number", "string");

    private ValueChecks() {}

    /**
     * {@code value should be a <type>} unless {@code value} has the type: integer (Integer, Long, Short, Byte,
     * BigInteger), float (Double, Float), number (any Number), string, boolean; {@code hash} (a Map) and
     * {@code array} (a List) are this port's answer to Q-6 (see docs/compatibility.md). Any other type fails, as
     * Ruby's {@code check_type} answers false for it.
     */
    public static void typecheck(Object value, String type) {
        boolean ok = switch (type) {
            case "integer" -> isInteger(value);
            case "float" -> value instanceof Double || value instanceof Float;
            case "number" -> value instanceof Number;
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "hash" -> value instanceof Map;
            case "array" -> value instanceof List;
            default -> false;
        };
        if (!ok) {
            throw new DdlValidationException("value should be a " + type);
        }
    }

    /**
     * {@code Input string is longer than N character(s)} when the value has more than {@code maxlength} characters
     * (Unicode code points, as Ruby counts); 0 or less means unlimited. A value that is not a String or a
     * collection is measured by its text.
     */
    public static void length(Object value, int maxlength) {
        int size;
        if (value instanceof Collection<?> c) {
            size = c.size();
        } else if (value instanceof Map<?, ?> m) {
            size = m.size();
        } else {
            String text = String.valueOf(value);
            size = text.codePointCount(0, text.length());
        }
        if (maxlength > 0 && size > maxlength) {
            throw new DdlValidationException("Input string is longer than " + maxlength + " character(s)");
        }
    }

    /**
     * {@code value should match <regex>} unless the regex matches somewhere in the value's text. A String is a
     * regex source and is printed as written; a {@link RubyRegexp} literal is printed as Ruby's
     * {@code Regexp#to_s} ({@code (?-mix:^\d+$)}).
     *
     * @throws DdlValidationException also when the regex does not compile, naming it
     */
    public static void regex(Object value, Object regex) {
        Objects.requireNonNull(regex, "regex");
        RubyRegexp literal = regex instanceof RubyRegexp r ? r : null;
        String source = literal != null ? literal.source() : String.valueOf(regex);
        String shown = literal != null ? literal.toS() : source;
        String text = String.valueOf(value);
        Pattern pattern;
        try {
            pattern = RubyRegex.compile(source, literal != null ? literal.options() : 0);
        } catch (RubyRegexException e) {
            throw new DdlValidationException(e.getMessage());
        }
        boolean found;
        try {
            found = pattern.matcher(text).find();
        } catch (StackOverflowError e) {
            // java.util.regex recurses per repetition of a group: a long hostile value must not kill the thread
            throw new DdlValidationException("value of " + text.length() + " characters is too long to match " + shown);
        }
        if (!found) {
            throw new DdlValidationException("value should match " + shown);
        }
    }

    /** {@code value should be one of a, b} unless {@code allowed} holds the value (numbers compare by value). */
    public static void array(Object value, List<?> allowed) {
        if (allowed.stream().noneMatch(a -> rubyEquals(a, value))) {
            throw new DdlValidationException("value should be one of "
                    + allowed.stream().map(RubyValues::toS).collect(Collectors.joining(", ")));
        }
    }

    /** Ruby's {@code ==}: numbers by value ({@code 1 == 1.0}), everything else by {@code equals}. */
    static boolean rubyEquals(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return RubyNumbers.equal(x, y);
        }
        return Objects.equals(a, b);
    }

    private static boolean isInteger(Object value) {
        return value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigInteger;
    }
}
