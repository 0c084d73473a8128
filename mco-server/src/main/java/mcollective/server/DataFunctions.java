package mcollective.server;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import mcollective.McollectiveException;
import mcollective.matcher.DataFunctionEvaluator;
import mcollective.matcher.FilterEvaluationException;
import mcollective.matcher.NodeView;
import mcollective.protocol.codec.RubyRegexp;
import mcollective.spi.DataPlugin;

/**
 * Data functions in compound filters ({@code fstat('/etc/hosts').size>0}) on this node. Port of
 * {@code Matcher.eval_compound_fstatement} and {@code execute_function}: an unknown plugin makes the whole filter
 * false; a missing output, regex on a non-String, {@code <}/{@code >} on Strings or Booleans, and backticks in the
 * parameters make the comparison false; the right side is coerced to the left side's type.
 */
final class DataFunctions implements DataFunctionEvaluator {
    private final Map<String, DataPlugin> plugins;

    DataFunctions(Map<String, DataPlugin> plugins) {
        this.plugins = Map.copyOf(plugins);
    }

    @Override
    public boolean evaluate(Map<String, Object> function, NodeView node) {
        DataPlugin plugin = plugins.get(String.valueOf(function.get("name")));
        if (plugin == null) {
            throw new FilterEvaluationException("Data plugin '" + function.get("name") + "' is not installed");
        }
        Object paramsValue = function.get("params");
        String params = paramsValue == null ? null : String.valueOf(paramsValue);
        String operator = String.valueOf(function.get("operator")).strip();
        Object right = function.get("r_compare");
        if (params != null && params.contains("`")) {
            return false;
        }
        Map<String, Object> result;
        try {
            result = plugin.query(Optional.ofNullable(params));
        } catch (McollectiveException e) {
            throw new FilterEvaluationException("Data plugin " + plugin.name() + " failed: " + e.getMessage());
        }
        Object left = function.get("value") == null ? null : result.get(String.valueOf(function.get("value")));
        if (left == null) {
            return false;
        }
        if ((left instanceof String || left instanceof Boolean) && (operator.contains("<") || operator.contains(">"))) {
            return false;
        }
        if (operator.equals("=~") || operator.equals("!=~")) {
            if (!(left instanceof String text)) {
                return false;
            }
            String source = right instanceof RubyRegexp r ? r.source() : String.valueOf(right);
            boolean found;
            try {
                found = Pattern.compile(source).matcher(text).find();
            } catch (PatternSyntaxException e) {
                throw new FilterEvaluationException("Invalid regex /" + source + "/: " + e.getDescription());
            }
            return operator.equals("=~") == found;
        }
        return compare(left, right, operator);
    }

    private static boolean compare(Object left, Object right, String operator) {
        int order;
        if (left instanceof String text) {
            order = text.compareTo(String.valueOf(right));
        } else if (left instanceof Number number) {
            BigDecimal r;
            try {
                r = new BigDecimal(String.valueOf(right).strip());
            } catch (NumberFormatException e) {
                throw new FilterEvaluationException("invalid numeric value: " + right);
            }
            order = new BigDecimal(number.toString()).compareTo(r);
        } else if (left instanceof Boolean bool) {
            String r = String.valueOf(right).strip();
            if (!r.equals("true") && !r.equals("false")) {
                throw new FilterEvaluationException("invalid boolean value: " + right);
            }
            order = bool == Boolean.parseBoolean(r) ? 0 : 1;
        } else {
            order = String.valueOf(left).compareTo(String.valueOf(right));
        }
        return switch (operator) {
            case "!=" -> order != 0;
            case "<" -> order < 0;
            case ">" -> order > 0;
            case "<=" -> order <= 0;
            case ">=" -> order >= 0;
            default -> order == 0;
        };
    }
}
