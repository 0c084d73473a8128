package mcollective.ddl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import mcollective.protocol.codec.RubyRegexp;
import mcollective.protocol.codec.RubySymbol;

/**
 * One {@code input} of an action or data query.
 *
 * @param name         the argument name
 * @param prompt       {@code :prompt}
 * @param description  {@code :description}
 * @param type         {@code :type}: string, list, boolean, integer, float, number, hash, array (or another
 *                     name, which validation treats as a named validator, as Ruby does)
 * @param validation   {@code :validation} as written: a {@code String} (a regex source), a
 *                     {@link RubyRegexp} (a regex literal), a {@link RubySymbol} (a named validator such as
 *                     {@code :shellsafe}, or a type name) or a {@code List} (allowed values); empty when absent or nil
 * @param maxlength    {@code :maxlength}; 0 means unlimited
 * @param optional     {@code :optional}
 * @param defaultValue {@code :default}; empty when absent or nil
 * @param list         {@code :list}, the allowed values of a {@code list} input; empty for other types
 */
public record InputItem(
        String name,
        String prompt,
        String description,
        String type,
        Optional<Object> validation,
        int maxlength,
        boolean optional,
        Optional<Object> defaultValue,
        List<Object> list) {

    public InputItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(defaultValue, "defaultValue");
        list = Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** The named validator of {@code :validation => :shellsafe}; empty for a regex, a list or none. */
    public Optional<String> validatorName() {
        return validation.filter(RubySymbol.class::isInstance).map(v -> ((RubySymbol) v).name());
    }

    /** The regex source of {@code :validation => '^\w+$'} or {@code /^\w+$/}; empty otherwise. */
    public Optional<String> validationRegex() {
        return validation
                .map(v -> v instanceof RubyRegexp r ? r.source() : v)
                .filter(String.class::isInstance)
                .map(String.class::cast);
    }
}
