package mcollective.config;

import mcollective.McollectiveException;

/**
 * A configuration file or setting that stops start-up: unknown key, value of the wrong type, relative libdir,
 * bad identity or missing file. The message names the file and line (when there is one), the key and the value,
 * in MCollective's wording where it has one, e.g. {@code server.cfg:3: Unknown config parameter 'foo'}.
 */
public class ConfigException extends McollectiveException {
    private static final long serialVersionUID = 1L;

    /** @param message the complete message, never null */
    public ConfigException(String message) {
        super(message);
    }

    /**
     * @param message the complete message, never null
     * @param cause   the underlying failure, may be null
     */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Builds {@code "<source>:<line>: <message>"}, or {@code "<source>: <message>"} when line is 0 or less. */
    static ConfigException at(String source, int line, String message) {
        return new ConfigException(line > 0 ? source + ":" + line + ": " + message : source + ": " + message);
    }
}
