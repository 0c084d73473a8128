package mcollective.ruby;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ruby's {@code Integer(s)} and {@code Float(s)} for strings, as {@code Matcher.eval_compound_fstatement} uses them
 * to read the right side of a numeric comparison: prefixes {@code 0x 0b 0o 0d}, a leading {@code 0} for octal,
 * underscores between digits, surrounding white space. Stateless.
 */
public final class RubyNumbers {
    private static final Pattern INTEGER = Pattern.compile("([+-]?)(?:"
            + "0[xX](?<hex>[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*)"
            + "|0[bB](?<bin>[01]+(?:_[01]+)*)"
            + "|0[oO]?_?(?<oct>[0-7]+(?:_[0-7]+)*)"
            + "|0[dD](?<dec>\\d+(?:_\\d+)*)"
            + "|(?<plain>0|[1-9]\\d*(?:_\\d+)*))");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:\\d+(?:_\\d+)*(?:\\.\\d+(?:_\\d+)*)?|\\.\\d+(?:_\\d+)*)(?:[eE][+-]?\\d+(?:_\\d+)*)?");

    private RubyNumbers() {}

    /** @return Ruby's {@code Integer(text)}, or empty where Ruby raises ArgumentError */
    public static Optional<BigInteger> integer(String text) {
        Matcher m = INTEGER.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String[][] radixes = {{"hex", "16"}, {"bin", "2"}, {"oct", "8"}, {"dec", "10"}, {"plain", "10"}};
        for (String[] radix : radixes) {
            String digits = m.group(radix[0]);
            if (digits != null) {
                BigInteger value = new BigInteger(digits.replace("_", ""), Integer.parseInt(radix[1]));
                return Optional.of(m.group(1).equals("-") ? value.negate() : value);
            }
        }
        return Optional.empty();
    }

    /** @return Ruby's {@code Float(text)} for decimal text, or empty where Ruby raises ArgumentError */
    public static Optional<Double> floating(String text) {
        String stripped = text.strip();
        if (!FLOAT.matcher(stripped).matches()) {
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(stripped.replace("_", "")));
    }
}
