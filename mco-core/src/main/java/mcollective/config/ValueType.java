package mcollective.config;

/**
 * How the text of a core configuration value is read, following the conversions in Ruby's {@code config.rb}.
 * The Java type of a converted value is given for each constant; a key without a default holds an
 * {@link java.util.Optional} of that type instead.
 */
public enum ValueType {
    /** Free text, kept as written ({@link String}). */
    STRING("string"),
    /** A plugin name; Ruby capitalises it into a class name, the port keeps it lower-cased ({@link String}). */
    PLUGIN_NAME("plugin name"),
    /** A file name ({@link java.nio.file.Path}). */
    PATH("path"),
    /** Ruby {@code Integer(val)}: decimal, {@code 0x}/{@code 0b}/{@code 0o}/{@code 0} prefixes, {@code _}. */
    INT("integer"),
    /** Ruby {@code Float(val)} ({@link Double}). */
    FLOAT("float"),
    /** {@code Util.str_to_bool}: {@code 1|yes|true|y|t} or {@code 0|no|false|n|f}, any case ({@link Boolean}). */
    BOOL("boolean"),
    /** Comma-separated, each item trimmed ({@code List<String>}). */
    LIST("comma list"),
    /** Path-separator list of absolute paths; repeatable, occurrences accumulate ({@code List<Path>}). */
    PATH_LIST("path list, repeatable"),
    /** Repeatable; each occurrence appends one item ({@code List<String>}). */
    REPEATABLE_STRING("string, repeatable"),
    /** One of the key's {@link ConfigKey#allowedValues()} ({@link String}). */
    ENUM("one of");

    private final String label;

    ValueType(String label) {
        this.label = label;
    }

    /** Short human label used in docs, never null. */
    public String label() {
        return label;
    }

    /** True for the types whose occurrences accumulate instead of overriding each other. */
    public boolean accumulates() {
        return this == PATH_LIST || this == REPEATABLE_STRING;
    }
}
