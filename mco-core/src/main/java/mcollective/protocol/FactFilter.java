package mcollective.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mcollective.protocol.codec.RubySymbol;

/**
 * Port of the fact entry of the filter hash built by lib/mcollective/util.rb {@code parse_fact_string}: one
 * {@code {:fact, :value, :operator}} triple. The operator is kept as sent; a node treats an operator it does not know
 * as "no match". Immutable and thread-safe.
 *
 * @param fact     the fact name, looked up flat ({@code a.b.c} is one key); never null
 * @param operator one of {@code == =~ != < > <= >=}, or anything a peer sent; never null
 * @param value    the value to compare with, {@code /re/} or a bare regex for {@code =~}; never null
 */
public record FactFilter(String fact, String operator, String value) {
    private static final RubySymbol FACT = RubySymbol.of("fact");
    private static final RubySymbol VALUE = RubySymbol.of("value");
    private static final RubySymbol OPERATOR = RubySymbol.of("operator");

    // The five patterns of Util.parse_fact_string, tried in order. Ruby's ^ and $ are line anchors, its . stops
    // only at \n and its =~ is a search, hence MULTILINE | UNIX_LINES and find().
    private static final Pattern GE_REVERSED = rubyPattern("^([^ ]+?)[ ]*=>[ ]*(.+)");
    private static final Pattern LE_REVERSED = rubyPattern("^([^ ]+?)[ ]*=<[ ]*(.+)");
    private static final Pattern EXPLICIT = rubyPattern("^([^ ]+?)[ ]*(<=|>=|<|>|!=|==|=~)[ ]*(.+)");
    private static final Pattern REGEX = rubyPattern("^(.+?)[ ]*=[ ]*/(.+)/$");
    private static final Pattern EQUALS = rubyPattern("^([^= ]+?)[ ]*=[ ]*(.+)");

    /** Validates that no component is null. */
    public FactFilter {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses a {@code -F}/{@code -W} fact filter string the way Ruby's {@code Util.parse_fact_string} does:
     * {@code a=b} gives {@code ==}, {@code a=/re/} gives {@code =~} (value keeps its slashes), {@code a=>b} and
     * {@code a=<b} give {@code >=} and {@code <=}, and {@code <= >= < > != == =~} are taken as written.
     *
     * @param filter the filter string; never null
     * @return the parsed filter
     * @throws InvalidFilterException if the string holds no operator
     */
    public static FactFilter parse(String filter) {
        Objects.requireNonNull(filter, "filter");
        Matcher m;
        if ((m = GE_REVERSED.matcher(filter)).find()) {
            return new FactFilter(m.group(1), ">=", m.group(2));
        }
        if ((m = LE_REVERSED.matcher(filter)).find()) {
            return new FactFilter(m.group(1), "<=", m.group(2));
        }
        if ((m = EXPLICIT.matcher(filter)).find()) {
            return new FactFilter(m.group(1), m.group(2), m.group(3));
        }
        if ((m = REGEX.matcher(filter)).find()) {
            return new FactFilter(m.group(1), "=~", "/" + m.group(2) + "/");
        }
        if ((m = EQUALS.matcher(filter)).find()) {
            return new FactFilter(m.group(1), "==", m.group(2));
        }
        throw new InvalidFilterException(
                "Could not parse fact " + filter + " it does not appear to be in a valid format");
    }

    /**
     * The wire form, a Hash with Symbol keys in Ruby's order {@code :fact, :value, :operator}.
     *
     * @return a new mutable, insertion-ordered map
     */
    public Map<Object, Object> toRuby() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(FACT, fact);
        map.put(VALUE, value);
        map.put(OPERATOR, operator);
        return map;
    }

    /**
     * Reads one wire fact entry: a Map with Symbol keys {@code :fact, :value, :operator} holding Strings.
     *
     * @param entry the decoded entry, of any type (it comes from the network); may be null
     * @return the fact filter
     * @throws InvalidFilterException if the entry has another shape
     */
    public static FactFilter fromRuby(Object entry) {
        if (!(entry instanceof Map<?, ?> map)) {
            throw new InvalidFilterException("Fact filter entry " + describe(entry) + " is not a Hash");
        }
        return new FactFilter(field(map, FACT), field(map, OPERATOR), field(map, VALUE));
    }

    private static String field(Map<?, ?> map, RubySymbol key) {
        Object value = map.get(key);
        if (value instanceof String s) {
            return s;
        }
        throw new InvalidFilterException(
                "Fact filter entry " + map + " has no String " + key + " (got " + describe(value) + ")");
    }

    static String describe(Object value) {
        return value == null ? "nil" : value.getClass().getSimpleName() + " " + value;
    }

    private static Pattern rubyPattern(String regex) {
        return Pattern.compile(regex, Pattern.MULTILINE | Pattern.UNIX_LINES);
    }

    @Override
    public String toString() {
        return fact + operator + value;
    }
}
