package mcollective.ddl.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import mcollective.ddl.ActionDdl;
import mcollective.ddl.AggregateCall;
import mcollective.ddl.Ddl;
import mcollective.ddl.DdlException;
import mcollective.ddl.DdlFormat;
import mcollective.ddl.DdlKind;
import mcollective.ddl.InputItem;
import mcollective.ddl.Metadata;
import mcollective.ddl.OutputItem;
import mcollective.protocol.codec.Json;
import mcollective.protocol.codec.RubySymbol;

/**
 * Reads Choria's JSON DDLs into the same {@link Ddl} model the Ruby DSL gives, so a fleet can keep DDLs in either
 * form: agent DDLs ({@code https://choria.io/schemas/mcorpc/ddl/v1/agent.json}: {@code metadata},
 * {@code actions[]} with {@code input}/{@code output} objects, {@code display} and {@code aggregate}) and data DDLs
 * ({@code metadata}, {@code query}, {@code output}). A {@code validation} naming a validator ({@code "shellsafe"})
 * is a named validator, as Choria's converter writes {@code :validation => :shellsafe}; any other string is a
 * regex. Errors read {@code file: path: message}. Stateless; thread-safe.
 */
public final class JsonDdlParser {
    private static final ObjectMapper JSON = Json.mapper();
    private static final Set<String> NAMED_VALIDATORS = Set.of("shellsafe", "ipv4address", "ipv6address", "ipaddress");

    private JsonDdlParser() {}

    /** The {@code .json} {@link DdlFormat}, for {@link mcollective.ddl.DdlLoader}. */
    public static final class Format implements DdlFormat {
        @Override
        public String extension() {
            return ".json";
        }

        @Override
        public Ddl parse(DdlKind kind, String name, String text, String file) {
            return JsonDdlParser.parse(kind, name, text, file);
        }
    }

    /**
     * Parses one JSON DDL.
     *
     * @param kind the plugin kind ({@link DdlKind#AGENT} or {@link DdlKind#DATA}; others keep metadata only)
     * @param name the plugin name as the file names it
     * @param json the JSON text
     * @param file where it came from, for messages
     * @throws DdlException for invalid JSON ({@code file:line: ...}) or a DDL that breaks the schema's rules
     */
    public static Ddl parse(DdlKind kind, String name, String json, String file) {
        Map<String, Object> root;
        try {
            root = object(JSON.readValue(json, Object.class), file, "(document)");
        } catch (JsonProcessingException e) {
            // a StreamConstraintsException (nesting, length) carries no location
            String line = e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":";
            throw new DdlException(file + ":" + line + " " + e.getOriginalMessage());
        }
        Map<String, Object> metadata = object(root.get("metadata"), file, "metadata");
        try {
            Metadata.from(metadata);
        } catch (DdlException e) {
            throw new DdlException(file + ": metadata: " + e.getMessage());
        }
        Map<String, ActionDdl> actions = new LinkedHashMap<>();
        if (root.get("actions") instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Map<String, Object> action = object(list.get(i), file, "actions[" + i + "]");
                if (!(action.get("action") instanceof String actionName) || actionName.isEmpty()) {
                    throw new DdlException(file + ": actions[" + i + "]: an action needs an \"action\" name");
                }
                actions.put(actionName, action(actionName, action, kind, file));
            }
        } else if (root.containsKey("actions")) {
            throw new DdlException(file + ": actions: must be an array");
        } else if (kind == DdlKind.DATA) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("description", metadata.getOrDefault("description", ""));
            if (root.get("query") != null) {
                data.put("input", Map.of("query", root.get("query")));
            }
            data.put("output", root.getOrDefault("output", Map.of()));
            actions.put(Ddl.DATAQUERY, action(Ddl.DATAQUERY, data, kind, file));
        }
        return new Ddl(kind, name, metadata, Optional.empty(), actions, List.of(), file, Map.of());
    }

    private static ActionDdl action(String name, Map<String, Object> action, DdlKind kind, String file) {
        Map<String, InputItem> inputs = new LinkedHashMap<>();
        object(action.getOrDefault("input", Map.of()), file, name + ".input")
                .forEach((key, value) -> inputs.put(
                        key,
                        input(
                                key,
                                object(value, file, name + ".input." + key),
                                kind,
                                file + ": " + name + ".input." + key)));
        Map<String, OutputItem> outputs = new LinkedHashMap<>();
        object(action.getOrDefault("output", Map.of()), file, name + ".output").forEach((key, value) -> {
            Map<String, Object> out = object(value, file, name + ".output." + key);
            for (String required : List.of("description", "display_as")) {
                if (!out.containsKey(required)) {
                    throw new DdlException(file + ": " + name + ".output." + key + ": Output " + key + " needs a "
                            + required + " argument");
                }
            }
            outputs.put(
                    key,
                    new OutputItem(
                            key,
                            text(out.get("description")),
                            text(out.get("display_as")),
                            Optional.ofNullable(out.get("default")),
                            Optional.ofNullable(out.get("type"))
                                    .map(t -> String.valueOf(t).toLowerCase(Locale.ROOT))));
        });
        String display = text(action.getOrDefault("display", "failed"));
        if (!ActionDdl.DISPLAY_MODES.contains(display)) {
            throw new DdlException(file + ": " + name + ".display: Display preference " + display
                    + " is not valid, should be :ok, :failed, :flatten or :always");
        }
        return new ActionDdl(
                name,
                text(action.getOrDefault("description", "")),
                display,
                inputs,
                outputs,
                aggregates(name, action, file));
    }

    private static InputItem input(String key, Map<String, Object> in, DdlKind kind, String where) {
        List<String> required = kind == DdlKind.AGENT
                ? List.of("prompt", "description", "type", "optional")
                : List.of("prompt", "description", "type");
        for (String property : required) {
            if (!in.containsKey(property)) {
                throw new DdlException(where + ": Input needs a :" + property + " property");
            }
        }
        String type = text(in.get("type")).toLowerCase(Locale.ROOT);
        if (type.equals("string") && (!in.containsKey("validation") || !in.containsKey("maxlength"))) {
            throw new DdlException(where + ": Input type :string needs a :"
                    + (in.containsKey("validation") ? "maxlength" : "validation") + " argument");
        }
        if (type.equals("list") && !(in.get("list") instanceof List<?>)) {
            throw new DdlException(where + ": Input type :list needs a :list argument");
        }
        Object validation = in.get("validation");
        if (validation instanceof String named && NAMED_VALIDATORS.contains(named)) {
            validation = RubySymbol.of(named);
        }
        return new InputItem(
                key,
                text(in.get("prompt")),
                text(in.get("description")),
                type,
                type.equals("string") ? Optional.ofNullable(validation) : Optional.empty(),
                type.equals("string") && in.get("maxlength") instanceof Number n ? n.intValue() : 0,
                Boolean.TRUE.equals(in.get("optional")),
                Optional.ofNullable(in.get("default")),
                type.equals("list") ? new ArrayList<>((List<?>) in.get("list")) : List.of());
    }

    private static List<AggregateCall> aggregates(String name, Map<String, Object> action, String file) {
        List<AggregateCall> aggregates = new ArrayList<>();
        if (!(action.get("aggregate") instanceof List<?> list)) {
            return aggregates;
        }
        for (Object entry : list) {
            Map<String, Object> aggregate = object(entry, file, name + ".aggregate[]");
            List<?> args = aggregate.get("args") instanceof List<?> a ? a : List.of();
            if (args.isEmpty() || !(aggregate.get("function") instanceof String function)) {
                throw new DdlException(file + ": " + name + ".aggregate[]: aggregate method for action '" + name
                        + "' missing a function parameter");
            }
            Map<String, Object> extra = new LinkedHashMap<>();
            if (args.size() > 1 && args.get(1) instanceof Map<?, ?> options) {
                options.forEach((k, v) -> extra.put(String.valueOf(k), v));
            }
            Optional<String> format =
                    Optional.ofNullable(extra.remove("format")).map(String::valueOf);
            aggregates.add(new AggregateCall(function, String.valueOf(args.get(0)), extra, format));
        }
        return aggregates;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static Map<String, Object> object(Object value, String file, String where) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new DdlException(file + ": " + where + ": must be an object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
