package mcollective.ruby;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mcollective.protocol.codec.RubySymbol;

/**
 * Port of {@code normalize_facts} in lib/mcollective/facts/base.rb and of Ruby's {@code to_s} on scalars. Public so
 * that fact sources which build their facts themselves (the ohai source) print values exactly as Ruby does.
 * Stateless and thread-safe.
 */
public final class RubyFloat {
    private RubyFloat() {}

    /** Lists stay lists, Maps get String keys, everything else becomes {@code value.to_s}. Result is immutable. */
    public static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(toS(k), normalize(v)));
            return Collections.unmodifiableMap(result);
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            list.forEach(v -> result.add(normalize(v)));
            return Collections.unmodifiableList(result);
        }
        return toS(value);
    }

    /**
     * Ruby's {@code to_s} for the scalar types a fact loader produces: null is {@code ""}, a symbol its name, a
     * Double/Float/BigDecimal as {@code Float#to_s} ({@code 1.5}, {@code 1.0e+16}), anything else {@code toString()}.
     *
     * @param value a scalar, may be null
     * @return the text; never null
     */
    public static String toS(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof RubySymbol symbol) {
            return symbol.name();
        }
        if (value instanceof Double d) {
            return floatToS(d);
        }
        if (value instanceof Float f) {
            return floatToS(f.doubleValue());
        }
        if (value instanceof BigDecimal d) {
            return floatToS(d.doubleValue());
        }
        return value.toString();
    }

    /**
     * Ruby's {@code Float#to_s}: shortest round-trip digits, fixed notation when the decimal exponent is in
     * [-3, 15] ({@code 100.0}, {@code 0.0001}), otherwise {@code 1.0e+16} / {@code 2.5e-05}.
     */
    public static String floatToS(double value) {
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
        BigDecimal decimal = shortestDecimal(Math.abs(value));
        String digits = decimal.unscaledValue().toString();
        int decpt = digits.length() - decimal.scale(); // value = 0.<digits> * 10^decpt
        StringBuilder out = new StringBuilder(sign);
        if (decpt >= -3 && decpt <= 15) {
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

    /** The fewest significant digits that read back as the same double (Java 17's Double.toString can use more). */
    private static BigDecimal shortestDecimal(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
