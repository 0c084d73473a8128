package mcollective.ddl;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code output}: its {@code :description}, {@code :display_as} label, {@code :default} (pre-fills a node's
 * reply; {@code nil} reads as absent) and, from Choria JSON DDLs, its {@code type}.
 */
public record OutputItem(
        String name, String description, String displayAs, Optional<Object> defaultValue, Optional<String> type) {

    public OutputItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(displayAs, "displayAs");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(type, "type");
    }

    /** An output without a declared type, as Ruby DDLs write them. */
    public OutputItem(String name, String description, String displayAs, Optional<Object> defaultValue) {
        this(name, description, displayAs, defaultValue, Optional.empty());
    }
}
