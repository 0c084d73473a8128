package mcollective.ddl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One action (or a data DDL's {@code dataquery}): its inputs and outputs in declaration order, its {@code display}
 * mode ({@code ok}, {@code failed} (the default), {@code always} or {@code flatten}) and its {@code summarize}
 * aggregates. Immutable.
 */
public record ActionDdl(
        String name,
        String description,
        String display,
        Map<String, InputItem> inputs,
        Map<String, OutputItem> outputs,
        List<AggregateCall> aggregates) {

    /** The display modes {@code display} accepts. */
    public static final List<String> DISPLAY_MODES = List.of("ok", "failed", "flatten", "always");

    public ActionDdl {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(display, "display");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        aggregates = List.copyOf(aggregates);
    }

    /** Output names to their {@code display_as} labels, in declaration order. */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        outputs.forEach((name, item) -> labels.put(name, item.displayAs()));
        return labels;
    }
}
