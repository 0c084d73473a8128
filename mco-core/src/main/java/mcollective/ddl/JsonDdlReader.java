package mcollective.ddl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads Choria's JSON agent DDL ({@code https://choria.io/schemas/mcorpc/ddl/v1/agent.json}) and data DDL into the
 * same {@link Ddl} model the Ruby DSL gives, so a fleet can keep DDLs in either form.
 */
public final class JsonDdlReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonDdlReader() {
    }

    public static Ddl read(String kind, String name, String json, String file) {
        Map<?, ?> root;
        try {
            Object parsed = JSON.readValue(json, Object.class);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new DdlException(file + ": a JSON DDL is an object");
            }
            root = map;
        } catch (JsonProcessingException e) {
            throw new DdlException(file + ":" + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        }
        Map<String, Object> metadata = new LinkedHashMap<>(map(root.get("metadata"), file, "metadata"));
        Map<String, ActionDdl> actions = new LinkedHashMap<>();
        if (root.get("actions") instanceof List<?> list) {
            for (Object entry : list) {
                Map<String, Object> action = map(entry, file, "actions[]");
                String actionName = String.valueOf(action.get("action"));
                actions.put(actionName, action(actionName, action, file));
            }
        } else if (root.containsKey("query") || root.containsKey("output")) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("description", metadata.getOrDefault("description", ""));
            if (root.get("query") != null) {
                data.put("input", Map.of("query", root.get("query")));
            }
            data.put("output", root.get("output"));
            actions.put("query", action("query", data, file));
        }
        return new Ddl(kind, name, metadata, Optional.empty(), actions, List.of(), file, Map.of());
    }

    private static ActionDdl action(String name, Map<String, Object> action, String file) {
        Map<String, InputItem> inputs = new LinkedHashMap<>();
        map(action.getOrDefault("input", Map.of()), file, name + ".input").forEach((key, value) -> {
            Map<String, Object> in = map(value, file, name + ".input." + key);
            Object type = in.getOrDefault("type", "string");
            inputs.put(key, new InputItem(key, String.valueOf(in.getOrDefault("prompt", "")),
                    String.valueOf(in.getOrDefault("description", "")), String.valueOf(type).toLowerCase(),
                    Optional.ofNullable(in.get("validation")),
                    in.get("maxlength") instanceof Number n ? n.intValue() : 0,
                    Boolean.TRUE.equals(in.get("optional")), Optional.ofNullable(in.get("default")),
                    in.get("list") instanceof List<?> l ? new ArrayList<>(l) : List.of()));
        });
        Map<String, OutputItem> outputs = new LinkedHashMap<>();
        map(action.getOrDefault("output", Map.of()), file, name + ".output").forEach((key, value) -> {
            Map<String, Object> out = map(value, file, name + ".output." + key);
            outputs.put(key, new OutputItem(key, String.valueOf(out.getOrDefault("description", "")),
                    String.valueOf(out.getOrDefault("display_as", key)), Optional.ofNullable(out.get("default"))));
        });
        List<AggregateCall> aggregates = new ArrayList<>();
        if (action.get("aggregate") instanceof List<?> list) {
            for (Object entry : list) {
                Map<String, Object> aggregate = map(entry, file, name + ".aggregate[]");
                List<?> args = aggregate.get("args") instanceof List<?> a ? a : List.of();
                Map<String, Object> extra = new LinkedHashMap<>();
                Optional<String> format = Optional.empty();
                if (args.size() > 1 && args.get(1) instanceof Map<?, ?> options) {
                    options.forEach((k, v) -> extra.put(String.valueOf(k), v));
                    format = Optional.ofNullable(extra.remove("format")).map(String::valueOf);
                }
                aggregates.add(new AggregateCall(String.valueOf(aggregate.get("function")),
                        args.isEmpty() ? "" : String.valueOf(args.get(0)), extra, format));
            }
        }
        return new ActionDdl(name, String.valueOf(action.getOrDefault("description", "")),
                String.valueOf(action.getOrDefault("display", "failed")), inputs, outputs, aggregates);
    }

    private static Map<String, Object> map(Object value, String file, String where) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new DdlException(file + ": '" + where + "' must be an object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
