package mcollective.cli.output;

import java.util.Map;
import java.util.Optional;

/**
 * What the printers need from an action's DDL: which results to show ({@code display}) and each output's label
 * ({@code display_as}). Declared here so that printing does not depend on how DDLs are parsed.
 *
 * @param display {@code ok}, {@code failed} or {@code always}
 * @param labels  output name to its {@code display_as}
 */
public record ActionLayout(String display, Map<String, String> labels) {
    public ActionLayout {
        labels = Map.copyOf(labels);
    }

    /** An action without a DDL: MCollective shows failures only. */
    public static ActionLayout withoutDdl() {
        return new ActionLayout("failed", Map.of());
    }

    public Optional<String> label(String output) {
        return Optional.ofNullable(labels.get(output));
    }

    /** The layout with {@code --display} applied ({@code all} means {@code always}). */
    public ActionLayout withDisplay(Optional<String> override) {
        return override.map(d -> new ActionLayout(d.equals("all") ? "always" : d, labels))
                .orElse(this);
    }
}
