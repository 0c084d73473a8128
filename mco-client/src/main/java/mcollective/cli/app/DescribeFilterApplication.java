package mcollective.cli.app;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mcollective.cli.AppContext;
import mcollective.cli.Application;
import mcollective.cli.FilterOptions;
import mcollective.cli.RpcOptions;
import mcollective.protocol.FactFilter;
import mcollective.protocol.Filter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Port of {@code lib/mcollective/application/describe_filter.rb}: what {@code -F}, {@code -C} and {@code -S} mean,
 * in words. The indentation after a nested closing parenthesis is Ruby's (quirk Q-12, kept so scripts reading it
 * see the same text).
 */
@Command(name = "describe_filter")
public final class DescribeFilterApplication implements Application {
    private static final Pattern OPERATOR = Pattern.compile("(<=|>=|=|=~|=)");

    @Mixin(name = "rpc")
    RpcOptions rpc;
    @Mixin(name = "filter")
    FilterOptions filter;

    @Override
    public String name() {
        return "describe_filter";
    }

    @Override
    public String description() {
        return "Display human readable interpretation of filters";
    }

    @Override
    public List<String> usage() {
        return List.of("mco describe_filter -S <filter> -F <filter> -C <filter>");
    }

    @Override
    public List<String> sections() {
        return List.of("Application Options", "RPC Options", "Host Filters");
    }

    @Override
    public int main(AppContext context) {
        PrintStream out = context.out();
        Filter parsed = filter.toFilter();
        if (!parsed.fact().isEmpty()) {
            out.println("-F filter expands to the following fact comparisons:");
            out.println();
            for (FactFilter f : parsed.fact()) {
                out.println("  " + fact(f.fact(), f.value(), f.operator()));
            }
            out.println();
        }
        if (!parsed.cfClass().isEmpty()) {
            out.println("-C filter expands to the following class checks:");
            out.println();
            parsed.cfClass().forEach(c -> out.println("  " + klass(c)));
            out.println();
        }
        if (!parsed.compound().isEmpty()) {
            compound(out, parsed.compound().get(0));
            out.println();
        }
        return 0;
    }

    private static void compound(PrintStream out, List<Map<String, Object>> stack) {
        String indent = "  ";
        String oldIndent = "  ";
        out.println("-S Query expands to the following instructions:");
        out.println();
        for (Map<String, Object> token : stack) {
            String type = token.keySet().iterator().next();
            Object value = token.get(type);
            switch (type) {
                case "statement" -> {
                    String statement = String.valueOf(value);
                    Matcher m = OPERATOR.matcher(statement);
                    if (m.find()) {
                        String[] parts = statement.split(Pattern.quote(m.group(1)), -1);
                        out.println(indent + fact(parts[0], parts.length > 1 ? parts[1] : "", m.group(1)));
                    } else {
                        out.println(indent + klass(statement));
                    }
                }
                case "fstatement" -> {
                    Map<?, ?> v = (Map<?, ?>) value;
                    StringBuilder line = new StringBuilder(indent + "Execute the Data Query '" + v.get("name") + "'");
                    if (v.get("params") != null) {
                        line.append(" with parameters (").append(v.get("params")).append(')');
                    }
                    Object compare = v.get("r_compare");
                    String operator = String.valueOf(v.get("operator"));
                    String shown = operator.endsWith("=~") ? "(?-mix:" + compare + ")" : String.valueOf(compare);
                    line.append(". Check if the query's '").append(v.get("value")).append("' value ")
                            .append(operator).append(" '").append(shown).append("'  ");
                    out.println(line);
                }
                case "(" -> {
                    out.println(indent + "(");
                    oldIndent = indent;
                    indent = indent + indent;
                }
                case ")" -> {
                    indent = oldIndent;
                    out.println(indent + ")");
                }
                default -> out.println(indent + type.toUpperCase(java.util.Locale.ROOT));
            }
        }
    }

    private static String fact(String fact, String value, String op) {
        return "Check if fact '" + fact + "' " + op + " '" + value + "'";
    }

    private static String klass(String name) {
        return "Check if class '" + name + "' is present on the host";
    }
}
