package mcollective.ruby;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Ruby's printing of a Float: the shortest decimal digits that read back as the same double ({@code ruby_dtoa} mode
 * 0, which both {@code Float#to_s} and Marshal's {@code w_float} use) and {@code Float#to_s} built on them. Java 17's
 * {@link Double#toString(double)} is not always shortest, so the digits are searched for here. Stateless.
 */
public final class RubyFloat {
    private RubyFloat() {}

    /**
     * The shortest decimal of a finite, non-zero magnitude: {@code value = 0.digits × 10^decpt}, as dtoa returns it.
     *
     * @param digits the significant digits, no leading or trailing zeros; never empty
     * @param decpt  the position of the decimal point relative to the first digit
     */
    public record Decimal(String digits, int decpt) {}

    /**
     * The decimal with the fewest significant digits that reads back as {@code |value|}; of two such, the one nearer
     * the exact binary value (the even one on a tie). Both neighbours are tried at each precision because the
     * rounding interval of a power of two is lopsided, so the nearest decimal is not always the one that reads back.
     *
     * @param value a finite double other than zero (the sign is ignored)
     */
    public static Decimal shortest(double value) {
        if (!Double.isFinite(value) || value == 0) {
            throw new IllegalArgumentException("no shortest digits for " + value);
        }
        double magnitude = Math.abs(value);
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal best = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downFits = down.doubleValue() == magnitude;
            boolean upFits = up.doubleValue() == magnitude;
            if (downFits && upFits) {
                int nearer = exact.subtract(down).compareTo(up.subtract(exact));
                best = nearer < 0
                        ? down
                        : nearer > 0 ? up : exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
                break;
            }
            if (downFits || upFits) {
                best = downFits ? down : up;
                break;
            }
        }
        BigDecimal stripped = best.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        return new Decimal(digits, digits.length() - stripped.scale());
    }

    /**
     * Ruby's {@code Float#to_s} (and {@code inspect}): fixed notation when the decimal point falls inside the digits
     * ({@code 1000000000000000.2}) or within {@code [-3, 15]} ({@code 100.0}, {@code 0.0001},
     * {@code 123456789012345.0}), otherwise {@code 1.0e+15} / {@code 2.5e-05}; {@code NaN}, {@code Infinity},
     * {@code -Infinity}, {@code -0.0}.
     */
    public static String toS(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        String sign = (value < 0 || (value == 0 && 1 / value < 0)) ? "-" : "";
        if (value == 0) {
            return sign + "0.0";
        }
        Decimal decimal = shortest(value);
        String digits = decimal.digits();
        int decpt = decimal.decpt();
        StringBuilder out = new StringBuilder(sign);
        // flo_to_s in numeric.c: fixed when the point falls inside the digits, or at most DBL_DIG (15) places out
        if (decpt > -4 && (decpt < digits.length() || decpt <= 15)) {
            if (decpt <= 0) {
                out.append("0.").append("0".repeat(-decpt)).append(digits);
            } else if (digits.length() <= decpt) {
                out.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
            } else {
                out.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            }
        } else {
            int exponent = decpt - 1;
            out.append(digits.charAt(0))
                    .append('.')
                    .append(digits.length() > 1 ? digits.substring(1) : "0")
                    .append('e')
                    .append(exponent < 0 ? '-' : '+')
                    .append(String.format("%02d", Math.abs(exponent)));
        }
        return out.toString();
    }
}
