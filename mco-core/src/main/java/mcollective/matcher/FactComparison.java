package mcollective.matcher;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mcollective.ruby.RubyNumbers;
import mcollective.ruby.RubyValues;

/** Port of lib/mcollective/util.rb {@code has_fact?} and {@code test_fact_value}. Stateless and thread-safe. */
final class FactComparison {
    private static final int FLAGS = Pattern.MULTILINE | Pattern.UNIX_LINES;
    private static final Pattern SLASHED = Pattern.compile("^/(.+)/$", FLAGS);
    private static final Pattern INTEGER = Pattern.compile("^[0-9]+$", FLAGS);
    // The unescaped "." is Ruby's: any character, so "1x5" looks like a float (and then fails to parse).
    private static final Pattern FLOAT = Pattern.compile("^[0-9]+.[0-9]+$", FLAGS);
    private static final List<String> ORDERING = List.of("<=", ">=", "<", ">", "!=");

    private FactComparison() {}

    /**
     * @return true if the fact exists and matches: any element of an Array fact, any key of a Hash fact
     * @throws FilterEvaluationException where Ruby would raise
     */
    static boolean hasFact(Map<String, Object> facts, String fact, String value, String operator) {
        Object actual = facts.get(fact);
        if (actual == null) {
            return false;
        }
        if (actual instanceof List<?> list) {
            for (Object element : list) {
                if (test(element, value, operator)) {
                    return true;
                }
            }
            return false;
        }
        if (actual instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (test(key, value, operator)) {
                    return true;
                }
            }
            return false;
        }
        return test(actual, value, operator);
    }

    private static boolean test(Object fact, String value, String operator) {
        if (!(fact instanceof String actual)) {
            // A nested Array/Hash inside an Array fact: Ruby's == is false, != is true, the rest raise or fail.
            return operator.equals("!=");
        }
        if (operator.equals("=~")) {
            Matcher slashed = SLASHED.matcher(value);
            String regex = slashed.find() ? slashed.group(1) : value;
            return FilterRegex.find(regex, actual);
        }
        if (operator.equals("==")) {
            return actual.equals(value);
        }
        if (!ORDERING.contains(operator)) {
            return false;
        }
        int cmp;
        if (INTEGER.matcher(value).find() && INTEGER.matcher(actual).find()) {
            cmp = rubyInteger(actual).compareTo(rubyInteger(value));
        } else if (FLOAT.matcher(value).find() && FLOAT.matcher(actual).find()) {
            cmp = Double.compare(rubyFloat(actual), rubyFloat(value)); // no NaN from Float(), and no -0.0 here
        } else {
            cmp = RubyValues.compareStrings(actual, value);
        }
        return switch (operator) {
            case "<=" -> cmp <= 0;
            case ">=" -> cmp >= 0;
            case "<" -> cmp < 0;
            case ">" -> cmp > 0;
            default -> cmp != 0;
        };
    }

    private static BigInteger rubyInteger(String s) {
        return RubyNumbers.integer(s)
                .orElseThrow(() -> new FilterEvaluationException("invalid value for Integer(): \"" + s + "\""));
    }

    private static double rubyFloat(String s) {
        return RubyNumbers.floating(s)
                .orElseThrow(() -> new FilterEvaluationException("invalid value for Float(): \"" + s + "\""));
    }
}
