package mcollective.matcher;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.ddl.DdlException;
import mcollective.logging.LogSafe;
import mcollective.protocol.codec.RubyRegexp;
import mcollective.ruby.RubyNumbers;
import mcollective.ruby.RubyValues;
import mcollective.spi.DataPlugin;
import mcollective.spi.NodeView;

/**
 * Data functions of compound filters ({@code fstat('/etc/hosts').size>0}) answered by the node's
 * {@link DataPlugin}s. Port of {@code Matcher.execute_function} and {@code eval_compound_fstatement}:
 * <ul>
 * <li>an unknown plugin, or an argument its DDL refuses, makes the whole callstack false (Ruby's
 * DDLValidationError), as does a failing or timed-out query (where Ruby's node drops the request, Q-14);</li>
 * <li>a backtick in the parameters, an output the plugin did not set (nil), {@code < > <= >=} on a String or
 * Boolean, and a regex on a non-String make the comparison false;</li>
 * <li>{@code =~}/{@code !=~} match the right side (a Regexp, or a String read as one) anywhere in the String;</li>
 * <li>otherwise the right side is read as the left side's type: String as is, numbers with Ruby's
 * {@code Integer()} then {@code Float()}, Booleans from {@code true}/{@code false}.</li>
 * </ul>
 * Each query runs within its plugin's DDL timeout ({@link DataPlugin#lookup}). Thread-safe if the plugins are.
 */
public final class DataPluginEvaluator implements DataFunctionEvaluator {
    private static final Logger LOG = LoggerFactory.getLogger(DataPluginEvaluator.class);
    private static final Pattern OPERATOR = Pattern.compile("(?:(!=|<=|>=|<|>)|==?)");

    private final Function<String, Optional<DataPlugin>> plugins;

    /** @param plugins the node's data plugins by {@link DataPlugin#name()}; copied; never null */
    public DataPluginEvaluator(Map<String, DataPlugin> plugins) {
        Map<String, DataPlugin> copy = Map.copyOf(plugins);
        this.plugins = name -> Optional.ofNullable(copy.get(name));
    }

    @Override
    public boolean evaluate(Map<String, Object> function, NodeView node) {
        String name = String.valueOf(function.get("name"));
        DataPlugin plugin = plugins.apply(name)
                .orElseThrow(() -> new FilterEvaluationException(
                        "cannot execute discovery function '" + name + "': data plugin not found"));
        Object params = function.get("params");
        if (params instanceof String text && text.contains("`")) {
            LOG.debug("Cannot use backticks in function parameters: {}", LogSafe.of(text));
            return false;
        }
        Map<String, Object> result = lookup(plugin, params == null ? Optional.empty() : Optional.of(params.toString()));
        Object field = function.get("value");
        Object left = field == null ? result : result.get(field.toString());
        return compare(left, String.valueOf(function.get("operator")), function.get("r_compare"));
    }

    private static Map<String, Object> lookup(DataPlugin plugin, Optional<String> argument) {
        try {
            return plugin.lookup(argument);
        } catch (DdlException e) {
            throw new FilterEvaluationException(
                    "data plugin " + plugin.name() + " refused '" + argument.orElse("") + "': " + e.getMessage());
        } catch (McollectiveException e) {
            LOG.warn(
                    "Data query {}('{}') failed, the compound filter is false: {}",
                    plugin.name(),
                    LogSafe.of(argument.orElse("")),
                    LogSafe.of(e.getMessage()));
            throw new FilterEvaluationException(
                    "data query " + plugin.name() + "('" + argument.orElse("") + "') failed: " + e.getMessage());
        }
    }

    /**
     * The comparison of {@code eval_compound_fstatement}, after the query.
     *
     * @param left     the query's output (String, Integer, Long, BigInteger, Double, Boolean, the whole result map when
     *                 the call named no output) or null
     * @param operator {@code == != < > <= >= =~ !=~}; never null
     * @param right    the {@code r_compare} from the wire: String, {@link RubyRegexp}, number, Boolean or null
     * @return the comparison's truth
     * @throws FilterEvaluationException where Ruby raises (an unreadable number or boolean, an impossible comparison)
     */
    static boolean compare(Object left, String operator, Object right) {
        if (left == null) {
            return false;
        }
        if ((left instanceof String || left instanceof Boolean) && (operator.contains("<") || operator.contains(">"))) {
            LOG.debug(
                    "Cannot do > and < comparison on Booleans and Strings '{} {} {}'",
                    LogSafe.of(left),
                    LogSafe.of(operator),
                    LogSafe.of(right));
            return false;
        }
        if (operator.contains("=~")) {
            if (!(left instanceof String text)) {
                LOG.debug("Cannot do a regex check on a non string value.");
                return false;
            }
            boolean found = FilterRegex.find(regexSource(right), text);
            return operator.equals("!=~") != found;
        }
        Object r = right;
        if (left instanceof String) {
            r = RubyValues.toS(right);
        } else if (right instanceof String text) {
            if (left instanceof Number) {
                r = RubyNumbers.integer(text)
                        .<Object>map(i -> i)
                        .or(() -> RubyNumbers.floating(text).map(d -> d))
                        .orElseThrow(() -> new FilterEvaluationException("invalid numeric value: " + text.strip()));
            } else if (left instanceof Boolean) {
                r = switch (text.strip()) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new FilterEvaluationException("invalid boolean value: " + text.strip());
                };
            }
        }
        var op = OPERATOR.matcher(operator.strip());
        if (!op.find()) {
            throw new FilterEvaluationException("invalid operator: " + operator.strip());
        }
        String symbol = op.group(1) == null ? "==" : op.group(1);
        if (symbol.equals("==") || symbol.equals("!=")) {
            return symbol.equals("==") == equal(left, r);
        }
        if (!(left instanceof Number l) || !(r instanceof Number n)) {
            throw new FilterEvaluationException("comparison of " + left + " with " + r + " failed");
        }
        OptionalInt order = RubyNumbers.compare(l, n);
        if (order.isEmpty()) {
            return false; // NaN is neither smaller nor greater
        }
        return switch (symbol) {
            case "<" -> order.getAsInt() < 0;
            case ">" -> order.getAsInt() > 0;
            case "<=" -> order.getAsInt() <= 0;
            default -> order.getAsInt() >= 0;
        };
    }

    private static String regexSource(Object right) {
        if (right instanceof RubyRegexp regexp) {
            return regexp.toS();
        }
        if (right instanceof String text) {
            return text; // String#match(str) compiles the String
        }
        throw new FilterEvaluationException("wrong argument type "
                + (right == null ? "nil" : right.getClass().getSimpleName()) + " (expected Regexp)");
    }

    private static boolean equal(Object left, Object right) {
        if (left instanceof Number l && right instanceof Number r) {
            return RubyNumbers.equal(l, r);
        }
        return Objects.equals(left, right);
    }
}
