package mcollective.ddl;

import java.util.List;
import java.util.Optional;

/**
 * One {@code input}: {@code :prompt}, {@code :description}, {@code :type} (string, list, boolean, integer, float,
 * number, hash, array, any), {@code :validation} (a regex source or a named validator), {@code :maxlength},
 * {@code :optional}, {@code :default} and, for lists, {@code :list}.
 */
public record InputItem(String name, String prompt, String description, String type, Optional<Object> validation,
        int maxlength, boolean optional, Optional<Object> defaultValue, List<Object> list) {
    public InputItem {
        list = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }
}
