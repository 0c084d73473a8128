package mcollective.ruby;

import java.util.Optional;
import java.util.regex.Pattern;

import mcollective.config.ConfigException;

/**
 * Port of the value conversions config.rb relies on: Ruby's {@code Kernel#Integer}, {@code Kernel#Float} and
 * {@code Util.str_to_bool} from lib/mcollective/util.rb. Stateless and thread-safe.
 */
public final class RubyValues {
    private static final Pattern TRUE = Pattern.compile("^(1|yes|true|y|t)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FALSE = Pattern.compile("^(0|no|false|n|f)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECIMAL_FLOAT = Pattern.compile(
            "[+-]?(?:\\d+(?:_\\d+)*(?:\\.\\d+(?:_\\d+)*)?|\\.\\d+(?:_\\d+)*)" + "(?:[eE][+-]?\\d+(?:_\\d+)*)?");
    private static final Pattern HEX_FLOAT =
            Pattern.compile("[+-]?0[xX][0-9a-fA-F]+(?:_[0-9a-fA-F]+)*(?:\\.[0-9a-fA-F]+)?(?:[pP][+-]?\\d+)?");

    private RubyValues() {}

    /**
     * {@code Util.str_to_bool}: {@code 1|yes|true|y|t} is true, {@code 0|no|false|n|f} is false, any case,
     * surrounding whitespace ignored.
     *
     * @throws ConfigException {@code Cannot convert string value 'x' into a boolean.}
     */
    public static boolean strToBool(String value) {
        String clean = value.strip();
        if (TRUE.matcher(clean).matches()) {
            return true;
        }
        if (FALSE.matcher(clean).matches()) {
            return false;
        }
        throw new ConfigException("Cannot convert string value '" + clean + "' into a boolean.");
    }

    /**
     * Ruby {@code Integer(str)}: optional sign, {@code 0x}, {@code 0b}, {@code 0o}, {@code 0d} or a leading
     * {@code 0} (octal) prefix, single underscores between digits, surrounding whitespace. Empty when Ruby would
     * raise, or when the number does not fit an {@code int}.
     */
    public static Optional<Integer> parseInteger(String text) {
        String s = text.strip();
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        int radix = 10;
        if (s.length() > 1 && s.charAt(0) == '0') {
            char p = Character.toLowerCase(s.charAt(1));
            int prefixed = p == 'x' ? 16 : p == 'b' ? 2 : p == 'o' ? 8 : p == 'd' ? 10 : 0;
            if (prefixed != 0) {
                radix = prefixed;
                s = s.substring(2);
            } else {
                // a leading 0 means octal; Ruby allows "0_7", so keep the 0 as a digit
                radix = 8;
            }
        }
        long sign = negative ? -1 : 1;
        return digits(s, radix).flatMap(v -> {
            long signed = sign * v;
            return signed >= Integer.MIN_VALUE && signed <= Integer.MAX_VALUE
                    ? Optional.of((int) signed)
                    : Optional.empty();
        });
    }

    /** Digits of the radix with single underscores between them; empty when malformed or too large. */
    private static Optional<Long> digits(String s, int radix) {
        if (s.isEmpty() || s.startsWith("_") || s.endsWith("_") || s.contains("__")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(s.replace("_", ""), radix));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Ruby {@code Float(str)}: decimal with optional fraction and exponent (a fraction needs digits after the
     * point), single underscores between digits, or hexadecimal; no {@code Infinity}/{@code NaN}.
     * Empty when Ruby would raise.
     */
    public static Optional<Double> parseFloat(String text) {
        String s = text.strip();
        if (HEX_FLOAT.matcher(s).matches()) {
            String hex = s.replace("_", "");
            // Java reads hexadecimal floating point only with a binary exponent
            return Optional.of(Double.parseDouble(hex.matches(".*[pP].*") ? hex : hex + "p0"));
        }
        if (!DECIMAL_FLOAT.matcher(s).matches()) {
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(s.replace("_", "")));
    }
}
