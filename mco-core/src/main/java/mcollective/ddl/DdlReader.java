package mcollective.ddl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mcollective.protocol.codec.RubySymbol;

/**
 * Turns the calls of a Ruby DSL DDL into a {@link Ddl}. Port of the DSL methods of {@code ddl/base.rb}
 * ({@code metadata}, {@code requires}, {@code input}, {@code output}), {@code ddl/agentddl.rb} ({@code action},
 * {@code display}, {@code summarize}, {@code aggregate}), {@code ddl/dataddl.rb} ({@code dataquery}) and
 * {@code ddl/discoveryddl.rb} ({@code discovery}, {@code capabilities}). An unknown statement is an error with
 * its file and line.
 */
public final class DdlReader {
    private final String kind;
    private final String name;
    private final String file;
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private final Map<String, ActionDdl> actions = new LinkedHashMap<>();
    private final List<String> capabilities = new ArrayList<>();
    private final Map<String, Object> requirements = new LinkedHashMap<>();
    private String usage;

    private DdlReader(String kind, String name, String file) {
        this.kind = kind;
        this.name = name;
        this.file = file;
    }

    /** Reads a DDL of this kind and plugin name from its source text. */
    public static Ddl read(String kind, String name, String source, String file) {
        DdlReader reader = new DdlReader(kind, name, file);
        for (RubyCall call : RubyDslParser.parse(source, file)) {
            reader.topLevel(call);
        }
        return new Ddl(kind, name, reader.metadata, Optional.ofNullable(reader.usage), reader.actions,
                reader.capabilities, file, reader.requirements);
    }

    private void topLevel(RubyCall call) {
        switch (call.name()) {
            case "metadata" -> metadata.putAll(plain(call.hash()));
            case "requires" -> requirements.putAll(plain(call.hash()));
            case "usage" -> usage = string(call, 0);
            case "action" -> action(call, string(call, 0));
            case "dataquery" -> action(call, "query");
            case "discovery" -> call.block().forEach(this::discovery);
            default -> throw error(call, "unknown DDL statement '" + call.name() + "'");
        }
    }

    private void discovery(RubyCall call) {
        if (!call.name().equals("capabilities")) {
            throw error(call, "unknown statement '" + call.name() + "' in a discovery block");
        }
        for (Object arg : call.args()) {
            if (arg instanceof List<?> list) {
                list.forEach(c -> capabilities.add(symbolName(c)));
            } else {
                capabilities.add(symbolName(arg));
            }
        }
    }

    private void action(RubyCall call, String actionName) {
        String description = String.valueOf(call.hash().getOrDefault("description", ""));
        String display = "failed";
        Map<String, InputItem> inputs = new LinkedHashMap<>();
        Map<String, OutputItem> outputs = new LinkedHashMap<>();
        List<AggregateCall> aggregates = new ArrayList<>();
        for (RubyCall statement : call.block()) {
            switch (statement.name()) {
                case "display" -> display = symbolName(statement.args().isEmpty() ? null : statement.args().get(0));
                case "input" -> {
                    InputItem input = input(statement);
                    inputs.put(input.name(), input);
                }
                case "output" -> {
                    String out = symbolName(first(statement));
                    Map<String, Object> h = statement.hash();
                    outputs.put(out, new OutputItem(out, String.valueOf(h.getOrDefault("description", "")),
                            String.valueOf(h.getOrDefault("display_as", out)),
                            Optional.ofNullable(plainValue(h.get("default")))));
                }
                case "summarize" -> statement.block().forEach(a -> aggregates.add(aggregate(a)));
                default -> throw error(statement, "unknown statement '" + statement.name() + "' in action "
                        + actionName);
            }
        }
        if (actions.containsKey(actionName)) {
            throw error(call, "action '" + actionName + "' is declared twice");
        }
        actions.put(actionName, new ActionDdl(actionName, description, display, inputs, outputs, aggregates));
    }

    private InputItem input(RubyCall call) {
        String input = symbolName(first(call));
        Map<String, Object> h = call.hash();
        Object validation = h.get("validation");
        // A regex literal stays a RubyRegex (help prints it as Ruby's Regexp#to_s); a quoted one is a String.
        List<Object> list = h.get("list") instanceof List<?> l ? new ArrayList<>(l) : List.of();
        Object type = h.get("type");
        return new InputItem(input, String.valueOf(h.getOrDefault("prompt", "")),
                String.valueOf(h.getOrDefault("description", "")), type == null ? "string" : symbolName(type),
                Optional.ofNullable(validation), h.get("maxlength") instanceof Number n ? n.intValue() : 0,
                Boolean.TRUE.equals(h.get("optional")), Optional.ofNullable(plainValue(h.get("default"))),
                plainList(list));
    }

    private AggregateCall aggregate(RubyCall call) {
        if (!call.name().equals("aggregate") || call.args().isEmpty()
                || !(call.args().get(0) instanceof RubyCall function)) {
            throw error(call, "expected 'aggregate function(:output, ...)' in a summarize block");
        }
        String output = symbolName(first(function));
        Map<String, Object> arguments = new LinkedHashMap<>();
        if (function.args().size() > 1 && function.args().get(1) instanceof Map<?, ?> extra) {
            extra.forEach((k, v) -> arguments.put(String.valueOf(k), plainValue(v)));
        }
        Object format = function.hash().get("format");
        function.hash().forEach((k, v) -> {
            if (!k.equals("format")) {
                arguments.put(k, plainValue(v));
            }
        });
        return new AggregateCall(function.name(), output, arguments,
                Optional.ofNullable(format).map(String::valueOf));
    }

    private Object first(RubyCall call) {
        if (call.args().isEmpty()) {
            throw error(call, call.name() + " needs a name");
        }
        return call.args().get(0);
    }

    private String string(RubyCall call, int index) {
        if (call.args().size() <= index || !(call.args().get(index) instanceof String s)) {
            throw error(call, call.name() + " needs a string argument");
        }
        return s;
    }

    private static String symbolName(Object value) {
        return value instanceof RubySymbol s ? s.name() : String.valueOf(value);
    }

    /** Values as plain Java data: Symbols become their names, regexes their source. */
    private static Object plainValue(Object value) {
        if (value instanceof RubySymbol s) {
            return s.name();
        }
        if (value instanceof RubyCall.RubyRegex r) {
            return r.source();
        }
        if (value instanceof List<?> list) {
            return plainList(list);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plainValue(v)));
            return out;
        }
        return value;
    }

    private static List<Object> plainList(List<?> list) {
        List<Object> out = new ArrayList<>();
        list.forEach(v -> out.add(plainValue(v)));
        return out;
    }

    private static Map<String, Object> plain(Map<String, Object> hash) {
        Map<String, Object> out = new LinkedHashMap<>();
        hash.forEach((k, v) -> out.put(k, plainValue(v)));
        return out;
    }

    private DdlException error(RubyCall call, String message) {
        return new DdlException(file + ":" + call.line() + ": " + message);
    }
}
