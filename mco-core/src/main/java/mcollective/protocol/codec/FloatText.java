package mcollective.protocol.codec;

import java.util.regex.Pattern;

import mcollective.ruby.RubyFloat;

/**
 * Ruby's Marshal text for a Float ({@code marshal.c w_float}) and its parse. Ruby writes the shortest decimal that
 * reads back as the same double ({@link RubyFloat#shortest}, the digits {@code Float#to_s} prints too), plain or with
 * an exponent exactly where Ruby switches: {@code 1.5}, {@code 0.1}, {@code 1e+20} is written {@code 1e20},
 * {@code 100.0} is {@code 1e2}. Stateless.
 */
final class FloatText {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private FloatText() {}

    /** The bytes Ruby writes after {@code f}: {@code nan}, {@code inf}, {@code -inf}, {@code 0}, {@code -0}, digits. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        RubyFloat.Decimal shortest = RubyFloat.shortest(value);
        String digits = shortest.digits();
        int digs = digits.length();
        int decpt = shortest.decpt();
        StringBuilder text = new StringBuilder(value < 0 ? "-" : "");
        if (decpt < -3 || decpt > digs) {
            text.append(digits.charAt(0));
            if (digs > 1) {
                text.append('.').append(digits, 1, digs);
            }
            text.append('e').append(decpt - 1);
        } else if (decpt > 0) {
            text.append(digits, 0, decpt);
            if (digs > decpt) {
                text.append('.').append(digits, decpt, digs);
            }
        } else {
            text.append("0.").append("0".repeat(-decpt)).append(digits);
        }
        return text.toString();
    }

    /** Parses Marshal's Float text; anything but a plain decimal, {@code nan}, {@code inf} or {@code -inf} is refused. */
    static double parse(String text, int offset) {
        switch (text) {
            case "nan":
                return Double.NaN;
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                if (!NUMBER.matcher(text).matches()) {
                    throw new MarshalException("Bad Float text '" + text + "' at offset " + offset);
                }
                return Double.parseDouble(text);
        }
    }
}
