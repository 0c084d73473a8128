package mcollective.ddl.ruby;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mcollective.ddl.DdlException;
import mcollective.protocol.codec.RubySymbol;
import mcollective.ruby.RubyValues;

/** Helpers of {@link RubyDdlParser}: parsed DSL values as plain Java data, and argument checks. */
final class DslValues {
    private DslValues() {}

    /** Values as plain Java data: Symbols become their names, lists and hashes are copied; regexes stay. */
    static Object plain(Object value) {
        if (value instanceof RubySymbol s) {
            return s.name();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        return value;
    }

    static Map<String, Object> plainMap(Map<String, Object> hash) {
        Map<String, Object> out = new LinkedHashMap<>();
        hash.forEach((k, v) -> out.put(k, plain(v)));
        return out;
    }

    /** A value as the user wrote it, for messages: a call by its name, anything else as Ruby's {@code inspect}. */
    static String describe(Object value) {
        return value instanceof RubyCall c ? c.name() : RubyValues.inspect(value);
    }

    /** The first argument, a Symbol or String name ({@code input :fact}, {@code action "x"}). */
    static String name(RubyCall call, String file) {
        Object first = call.args().isEmpty() ? null : call.args().get(0);
        if (first instanceof RubySymbol s) {
            return s.name();
        }
        if (first instanceof String s) {
            return s;
        }
        throw new DdlException(file + ":" + call.line() + ": " + call.name() + " needs a name (a :symbol or "
                + "\"string\") but got " + describe(first) + "; Ruby code such as variables (other than an each "
                + "loop's) is not supported in a DDL");
    }

    /** A String argument at {@code index} ({@code usage <<-EOU}). */
    static String string(RubyCall call, int index, String file) {
        if (call.args().size() <= index || !(call.args().get(index) instanceof String s)) {
            throw new DdlException(file + ":" + call.line() + ": " + call.name() + " needs a string argument");
        }
        return s;
    }
}
