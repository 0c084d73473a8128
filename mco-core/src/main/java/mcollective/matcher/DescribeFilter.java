package mcollective.matcher;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mcollective.protocol.FactFilter;
import mcollective.protocol.Filter;
import mcollective.ruby.RubyValues;

/**
 * Port of lib/mcollective/application/describe_filter.rb: the text {@code mco describe_filter} prints for the
 * {@code -F}, {@code -C} and {@code -S} parts of a filter (only the first {@code -S} callstack), each section followed
 * by a blank line; nothing at all for a filter without them.
 *
 * <p>{@link #describeAsRuby} is the original's output byte for byte. {@link #describe} fixes two of its faults:
 * a closing parenthesis, and what follows it, go back to the indentation of its opening one (quirk Q-12: Ruby only
 * remembers one level), and a statement with {@code <} or {@code >} is described as the fact comparison a node
 * evaluates rather than as a class name. Stateless and thread-safe.
 */
public final class DescribeFilter {
    private static final Pattern RUBY_OPERATOR = Pattern.compile("(<=|>=|=|=~|=)");
    private static final Pattern NODE_OPERATOR = Pattern.compile(">=|<=|=|<|>");

    private final boolean fixed;
    private final StringBuilder out = new StringBuilder();

    private DescribeFilter(boolean fixed) {
        this.fixed = fixed;
    }

    /**
     * @param filter the filter built from the command line; never null
     * @return the description, with Q-12 fixed; empty if the filter has no fact, class or compound criteria
     */
    public static String describe(Filter filter) {
        return new DescribeFilter(true).render(filter);
    }

    /**
     * @param filter the filter built from the command line; never null
     * @return exactly what Ruby's {@code mco describe_filter} prints, quirks included
     */
    public static String describeAsRuby(Filter filter) {
        return new DescribeFilter(false).render(filter);
    }

    private String render(Filter filter) {
        if (!filter.fact().isEmpty()) {
            line("-F filter expands to the following fact comparisons:");
            line("");
            for (FactFilter fact : filter.fact()) {
                line("  " + factString(fact.fact(), fact.value(), fact.operator()));
            }
            line("");
        }
        if (!filter.cfClass().isEmpty()) {
            line("-C filter expands to the following class checks:");
            line("");
            filter.cfClass().forEach(c -> line("  " + classString(c)));
            line("");
        }
        if (!filter.compound().isEmpty()) {
            compound(filter.compound().get(0));
            line("");
        }
        return out.toString();
    }

    private void compound(List<Map<String, Object>> stack) {
        line("-S Query expands to the following instructions:");
        line("");
        String indent = "  ";
        String oldIndent = "  ";
        Deque<String> opened = new ArrayDeque<>();
        for (Map<String, Object> token : stack) {
            if (token.isEmpty()) {
                continue;
            }
            Map.Entry<String, Object> entry = token.entrySet().iterator().next();
            switch (entry.getKey()) {
                case "statement" -> line(indent + statement(String.valueOf(entry.getValue())));
                case "fstatement" -> line(indent + function(entry.getValue()));
                case "(" -> {
                    line(indent + "(");
                    opened.push(indent);
                    oldIndent = indent;
                    indent = indent + indent;
                }
                case ")" -> {
                    indent = fixed && !opened.isEmpty() ? opened.pop() : oldIndent;
                    line(indent + ")");
                }
                default -> line(indent + entry.getKey().toUpperCase(Locale.ROOT));
            }
        }
    }

    private String statement(String statement) {
        Matcher op = (fixed && !statement.startsWith("/") ? NODE_OPERATOR : RUBY_OPERATOR).matcher(statement);
        if (!op.find()) {
            return classString(statement);
        }
        // Ruby: k, v = statement.split(op); split drops trailing empty fields
        List<String> parts = DataFunctionCall.rubySplit(statement, Pattern.compile(Pattern.quote(op.group())));
        return factString(parts.isEmpty() ? "" : parts.get(0), parts.size() < 2 ? "" : parts.get(1), op.group());
    }

    private static String function(Object value) {
        Map<?, ?> call = value instanceof Map<?, ?> map ? map : Map.of();
        StringBuilder text = new StringBuilder("Execute the Data Query '")
                .append(ruby(call.get("name")))
                .append("'");
        if (call.get("params") != null) {
            text.append(" with parameters (").append(ruby(call.get("params"))).append(")");
        }
        return text.append(". Check if the query's '")
                .append(ruby(call.get("value")))
                .append("' value ")
                .append(ruby(call.get("operator")))
                .append(" '")
                .append(ruby(call.get("r_compare")))
                .append("'  ")
                .toString();
    }

    /** Ruby's string interpolation: nil is empty, a Regexp is {@code (?-mix:source)}. */
    private static String ruby(Object value) {
        return RubyValues.toS(value);
    }

    private static String factString(String fact, String value, String operator) {
        return "Check if fact '" + fact + "' " + operator + " '" + value + "'";
    }

    private static String classString(String name) {
        return "Check if class '" + name + "' is present on the host";
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
