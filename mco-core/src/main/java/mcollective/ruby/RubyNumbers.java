package mcollective.ruby;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ruby's readings of numbers from text and its comparison of numbers: {@code Kernel#Integer} and {@code Kernel#Float}
 * (strict: what config.rb and the compound-filter matcher use), {@code String#to_i} and {@code String#to_f} (lenient:
 * a prefix or 0, what {@code DDL.string_to_number} uses), and {@code Numeric#==} / {@code <=>} across Integer and
 * Float. White space is Ruby's {@code ISSPACE} ({@code " \t\n\v\f\r"}). Stateless and thread-safe.
 */
public final class RubyNumbers {
    private static final String SPACE = "[ \\t\\n\\x0B\\f\\r]*";
    private static final Pattern INTEGER = Pattern.compile(SPACE + "([+-]?)(?:"
            + "0[xX](?<hex>[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*)"
            + "|0[bB](?<bin>[01]+(?:_[01]+)*)"
            + "|0[oO](?<oct>[0-7]+(?:_[0-7]+)*)"
            + "|0_?(?<zero>[0-7]+(?:_[0-7]+)*)"
            + "|0[dD](?<dec>\\d+(?:_\\d+)*)"
            + "|(?<plain>0|[1-9]\\d*(?:_\\d+)*))"
            + SPACE);
    private static final String[][] RADIXES = {{"hex", "16"}, {"bin", "2"}, {"oct", "8"}, {"zero", "8"}, {"dec", "10"}};
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern HEX_FLOAT =
            Pattern.compile("[+-]?0[xX][0-9a-fA-F]+(?:(?:\\.[0-9a-fA-F]+)?[pP][+-]?\\d+)?");
    private static final Pattern TO_I = Pattern.compile(SPACE + "([+-]?)(?:0[dD])?(\\d+(?:_\\d+)*)");
    private static final Pattern TO_F = Pattern.compile(
            SPACE + "[+-]?(?:\\d+(?:_\\d+)*(?:\\.\\d+(?:_\\d+)*)?|\\.\\d+(?:_\\d+)*)(?:[eE][+-]?\\d+(?:_\\d+)*)?");
    private static final Pattern TO_F_HEX =
            Pattern.compile(SPACE + "[+-]0[xX][0-9a-fA-F]+(?:(?:\\.[0-9a-fA-F]+)?[pP][+-]?\\d+)?");

    private RubyNumbers() {}

    /**
     * {@code Kernel#Integer(text)}: optional sign, {@code 0x}, {@code 0b}, {@code 0o}, {@code 0d} or a leading
     * {@code 0} (octal) prefix, single underscores between digits, surrounding white space.
     *
     * @return the value, or empty where Ruby raises ArgumentError
     */
    public static Optional<BigInteger> integer(String text) {
        Matcher m = INTEGER.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String plain = m.group("plain");
        BigInteger value = plain != null ? new BigInteger(plain.replace("_", "")) : null;
        for (String[] radix : RADIXES) {
            String digits = m.group(radix[0]);
            if (digits != null) {
                value = new BigInteger(digits.replace("_", ""), Integer.parseInt(radix[1]));
            }
        }
        return Optional.of(m.group(1).equals("-") ? value.negate() : value);
    }

    /**
     * {@code Kernel#Float(text)}: decimal with optional fraction and exponent (a point needs digits on both sides but
     * the leading ones may be left out), or hexadecimal ({@code 0x1A}, {@code 0x1.8p1}); an underscore only between
     * two decimal digits; surrounding white space; no {@code Infinity} or {@code NaN} words, but {@code 1e400} is
     * Infinity.
     *
     * @return the value, or empty where Ruby raises ArgumentError
     */
    public static Optional<Double> floating(String text) {
        String s = RubyValues.strip(text);
        StringBuilder clean = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '_') {
                clean.append(c);
            } else if (i == 0 || i + 1 == s.length() || !isDigit(s.charAt(i - 1)) || !isDigit(s.charAt(i + 1))) {
                return Optional.empty();
            }
        }
        String number = clean.toString();
        if (HEX_FLOAT.matcher(number).matches()) {
            return Optional.of(parseHex(number));
        }
        return DECIMAL_FLOAT.matcher(number).matches() ? Optional.of(Double.parseDouble(number)) : Optional.empty();
    }

    /** {@code String#to_i}: the decimal integer at the start of the text (after white space), else 0. */
    public static BigInteger toI(String text) {
        Matcher m = TO_I.matcher(text);
        if (!m.lookingAt()) {
            return BigInteger.ZERO;
        }
        BigInteger value = new BigInteger(m.group(2).replace("_", ""));
        return m.group(1).equals("-") ? value.negate() : value;
    }

    /**
     * {@code String#to_f}: the decimal float at the start of the text (after white space), else 0.0. Like Ruby,
     * a {@code 0x} right at the start gives 0.0 while a signed one is read as hexadecimal ({@code "-0x1f"} is -31.0).
     */
    public static double toF(String text) {
        Matcher hex = TO_F_HEX.matcher(text);
        if (hex.lookingAt()) {
            return parseHex(RubyValues.strip(hex.group()));
        }
        Matcher m = TO_F.matcher(text);
        return m.lookingAt() ? Double.parseDouble(RubyValues.strip(m.group()).replace("_", "")) : 0.0;
    }

    /** {@code Numeric#==} for two numbers: by exact value ({@code 1 == 1.0}); NaN equals nothing. */
    public static boolean equal(Number a, Number b) {
        OptionalInt order = compare(a, b);
        return order.isPresent() && order.getAsInt() == 0;
    }

    /** {@code Numeric#<=>} for two numbers, by exact value; empty when either is NaN. */
    public static OptionalInt compare(Number a, Number b) {
        if (isNaN(a) || isNaN(b)) {
            return OptionalInt.empty();
        }
        int infinities = Integer.compare(infinity(a), infinity(b));
        if (infinities != 0 || infinity(a) != 0) {
            return OptionalInt.of(infinities);
        }
        return OptionalInt.of(Integer.signum(exact(a).compareTo(exact(b))));
    }

    private static boolean isNaN(Number n) {
        return (n instanceof Double || n instanceof Float) && Double.isNaN(n.doubleValue());
    }

    /** -1 for -Infinity, 1 for Infinity, 0 for every finite number. */
    private static int infinity(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isInfinite(d) ? (d > 0 ? 1 : -1) : 0;
        }
        return 0;
    }

    private static BigDecimal exact(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (n instanceof Double || n instanceof Float) {
            return new BigDecimal(n.doubleValue());
        }
        return BigDecimal.valueOf(n.longValue());
    }

    /** Java reads hexadecimal floating point only with a binary exponent. */
    private static double parseHex(String hex) {
        return Double.parseDouble(hex.indexOf('p') >= 0 || hex.indexOf('P') >= 0 ? hex : hex + "p0");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
