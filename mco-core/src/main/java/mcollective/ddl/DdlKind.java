package mcollective.ddl;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The plugin types that have DDLs, named as their folders in a Ruby libdir ({@code mcollective/<type>/}).
 * {@link #AGENT}, {@link #DATA} and {@link #DISCOVERY} DDLs have bodies of their own; the others carry
 * {@code metadata}, {@code requires} and {@code usage} only (Ruby's {@code ddl/validatorddl.rb} and the base class).
 */
public enum DdlKind {
    AGENT,
    AGGREGATE,
    APPLICATION,
    AUDIT,
    CONNECTOR,
    DATA,
    DISCOVERY,
    FACTS,
    REGISTRATION,
    SECURITY,
    UTIL,
    VALIDATOR;

    /** The Ruby plugin type and libdir folder: {@code agent}, {@code data}, ... */
    public String typeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind for a Ruby plugin type name (case-insensitive); empty for an unknown one. Null-hostile. */
    public static Optional<DdlKind> find(String typeName) {
        return Arrays.stream(values())
                .filter(k -> k.typeName().equalsIgnoreCase(typeName))
                .findFirst();
    }

    /** The kind for a Ruby plugin type name; a {@link DdlException} naming it and the known ones otherwise. */
    public static DdlKind of(String typeName) {
        return find(typeName)
                .orElseThrow(() -> new DdlException("Unknown DDL kind '" + typeName + "'; known: "
                        + Arrays.stream(values()).map(DdlKind::typeName).toList()));
    }

    @Override
    public String toString() {
        return typeName();
    }
}
