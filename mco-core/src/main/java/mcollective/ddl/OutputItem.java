package mcollective.ddl;

import java.util.Optional;

/** One {@code output}: its {@code :description}, {@code :display_as} label and {@code :default}. */
public record OutputItem(String name, String description, String displayAs, Optional<Object> defaultValue) {
}
