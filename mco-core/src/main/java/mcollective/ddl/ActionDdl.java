package mcollective.ddl;

import java.util.List;
import java.util.Map;

/**
 * One action: its inputs and outputs in declaration order, its {@code display} mode and its {@code summarize}
 * aggregates.
 */
public record ActionDdl(String name, String description, String display, Map<String, InputItem> inputs,
        Map<String, OutputItem> outputs, List<AggregateCall> aggregates) {

    public ActionDdl {
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
        outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
        aggregates = List.copyOf(aggregates);
    }

    /** Output names to their {@code display_as} labels. */
    public Map<String, String> labels() {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        outputs.forEach((name, item) -> labels.put(name, item.displayAs()));
        return labels;
    }
}
