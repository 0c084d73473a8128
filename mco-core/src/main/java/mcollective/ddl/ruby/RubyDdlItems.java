package mcollective.ddl.ruby;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mcollective.ddl.AggregateCall;
import mcollective.ddl.DdlException;
import mcollective.ddl.DdlKind;
import mcollective.ddl.InputItem;
import mcollective.ddl.OutputItem;
import mcollective.protocol.codec.RubyRegexp;
import mcollective.protocol.codec.RubySymbol;
import mcollective.ruby.RubyNumbers;
import mcollective.ruby.RubyValues;

/**
 * The item statements of {@link RubyDdlParser}: {@code input} and {@code output} (port of {@code ddl/base.rb}
 * and {@code AgentDDL#input}) and {@code aggregate} ({@code AgentDDL#aggregate} with the function call that
 * {@code method_missing} turns into {@code {:function, :args}}), with Ruby's messages.
 */
final class RubyDdlItems {
    private RubyDdlItems() {}

    static InputItem input(RubyCall call, DdlKind kind, String file) {
        String name = DslValues.name(call, file);
        Map<String, Object> p = properties(call, file);
        if (kind == DdlKind.AGENT && !p.containsKey("optional")) {
            throw error(call, file, "Input needs a :optional property");
        }
        for (String required : List.of("prompt", "description", "type")) {
            if (!p.containsKey(required)) {
                throw error(call, file, "Input needs a :" + required + " property");
            }
        }
        Object typeValue = p.get("type");
        if (!(typeValue instanceof RubySymbol) && !(typeValue instanceof String)) {
            throw error(
                    call,
                    file,
                    "Input " + name + " has :type " + DslValues.describe(typeValue)
                            + " but a type is a symbol such as :string");
        }
        String type = String.valueOf(DslValues.plain(typeValue));
        Optional<Object> validation = Optional.empty();
        int maxlength = 0;
        List<Object> list = List.of();
        if (type.equals("string")) {
            for (String required : List.of("validation", "maxlength")) {
                if (!p.containsKey(required)) {
                    throw error(call, file, "Input type :string needs a :" + required + " argument");
                }
            }
            validation = Optional.ofNullable(validation(p.get("validation"), call, file));
            maxlength = toI(p.get("maxlength"), call, file);
        } else if (type.equals("list")) {
            if (!p.containsKey("list")) {
                throw error(call, file, "Input type :list needs a :list argument");
            }
            if (!(p.get("list") instanceof List<?> values)) {
                throw error(
                        call,
                        file,
                        "Input " + name + " has :list " + DslValues.describe(p.get("list"))
                                + " but it should be an array of the valid values");
            }
            list = new ArrayList<>(values.stream().map(DslValues::plain).toList());
        }
        Object optional = p.get("optional");
        return new InputItem(
                name,
                RubyValues.toS(DslValues.plain(p.get("prompt"))),
                RubyValues.toS(DslValues.plain(p.get("description"))),
                type,
                validation,
                maxlength,
                optional != null && !Boolean.FALSE.equals(optional),
                Optional.ofNullable(DslValues.plain(p.get("default"))),
                list);
    }

    /** Keeps what decides how a value is checked: a regex source, a regex literal, a validator Symbol, a list. */
    private static Object validation(Object value, RubyCall call, String file) {
        if (value == null || value instanceof String || value instanceof RubyRegexp || value instanceof RubySymbol) {
            return value;
        }
        if (value instanceof List<?>) {
            return DslValues.plain(value);
        }
        throw error(
                call,
                file,
                ":validation " + DslValues.describe(value)
                        + " is not a regular expression, a validator name or a list");
    }

    /** Ruby's {@code to_i}: leading digits of a string, the integer part of a number, 0 for nil. */
    private static int toI(Object value, RubyCall call, String file) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s) {
            BigInteger n = RubyNumbers.toI(s);
            // a length beyond an int is no limit in practice: saturate rather than wrap
            return n.bitLength() < Integer.SIZE ? n.intValue() : n.signum() > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        }
        throw error(call, file, ":maxlength " + DslValues.describe(value) + " is not a number");
    }

    static OutputItem output(RubyCall call, String file) {
        String name = DslValues.name(call, file);
        Map<String, Object> p = properties(call, file);
        if (!p.containsKey("description")) {
            throw error(call, file, "Output " + name + " needs a description argument");
        }
        if (!p.containsKey("display_as")) {
            throw error(call, file, "Output " + name + " needs a display_as argument");
        }
        Optional<String> type =
                Optional.ofNullable(p.get("type")).map(DslValues::plain).map(String::valueOf);
        return new OutputItem(
                name,
                RubyValues.toS(DslValues.plain(p.get("description"))),
                RubyValues.toS(DslValues.plain(p.get("display_as"))),
                Optional.ofNullable(DslValues.plain(p.get("default"))),
                type);
    }

    static AggregateCall aggregate(RubyCall call, String action, String file) {
        if (!call.name().equals("aggregate")) {
            throw error(call, file, "undefined local variable or method `" + call.name() + "' in a summarize block");
        }
        if (call.args().isEmpty()
                || !(call.args().get(0) instanceof RubyCall function)
                || !function.block().isEmpty()) {
            throw error(call, file, "Functions supplied to aggregate should be a hash");
        }
        // aggregate(function, format): Ruby checks this hash but aggregate.rb never reads it; see compatibility.md.
        Map<String, Object> format = new LinkedHashMap<>(call.hash());
        for (Object extra : call.args().subList(1, call.args().size())) {
            if (!(extra instanceof Map<?, ?> map)) {
                throw error(call, file, "Formats supplied to aggregation functions should be a hash");
            }
            map.forEach((k, v) -> format.put(String.valueOf(k), v));
        }
        if (call.args().size() + call.hash().size() > 1 && !format.containsKey("format")) {
            throw error(call, file, "Formats supplied to aggregation functions must have a :format key");
        }
        if (function.args().isEmpty() && function.hash().isEmpty()) {
            throw error(call, file, "aggregate method for action '" + action + "' missing a function parameter");
        }
        Object output = function.args().isEmpty() ? null : function.args().get(0);
        if (!(output instanceof RubySymbol) && !(output instanceof String)) {
            throw error(
                    call,
                    file,
                    "aggregate " + function.name() + " needs an output name (a :symbol) first but got "
                            + DslValues.describe(output));
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        if (function.args().size() > 1) {
            if (!(function.args().get(1) instanceof Map<?, ?> extra)) {
                throw error(call, file, "aggregate " + function.name() + " takes an output and a hash of arguments");
            }
            extra.forEach((k, v) -> arguments.put(String.valueOf(k), DslValues.plain(v)));
        }
        function.hash().forEach((k, v) -> arguments.put(k, DslValues.plain(v)));
        Object formatString = arguments.remove("format");
        return new AggregateCall(
                function.name(),
                String.valueOf(DslValues.plain(output)),
                arguments,
                Optional.ofNullable(formatString).map(String::valueOf));
    }

    /** The {@code :key => value} properties, whether written bare or inside braces. */
    private static Map<String, Object> properties(RubyCall call, String file) {
        Map<String, Object> p = new LinkedHashMap<>(call.hash());
        for (Object extra : call.args().subList(1, call.args().size())) {
            if (!(extra instanceof Map<?, ?> map)) {
                throw error(
                        call,
                        file,
                        call.name() + " takes a name and :key => value properties but got "
                                + DslValues.describe(extra));
            }
            map.forEach((k, v) -> p.put(String.valueOf(k), v));
        }
        if (!call.block().isEmpty()) {
            throw error(call, file, call.name() + " takes no block");
        }
        return p;
    }

    private static DdlException error(RubyCall call, String file, String message) {
        return new DdlException(file + ":" + call.line() + ": " + message);
    }
}
