package mcollective.config;

/**
 * One {@code key = value} as read, with where it came from, so later conversions can name the file and line.
 *
 * @param value  the value text, never null
 * @param source the file (or source) name, never null
 * @param line   1-based line number, 0 when unknown
 */
record Setting(String value, String source, int line) {

    /** A {@link ConfigException} located at this setting. */
    ConfigException error(String message) {
        return ConfigException.at(source, line, message);
    }
}
