package mcollective.ruby;

import mcollective.McollectiveException;

/**
 * A Ruby regular expression that Java cannot compile, or a match that gave up (too expensive, too deep). Callers turn
 * it into their own failure: a filter that does not pass, a DDL validation error.
 */
public class RubyRegexException extends McollectiveException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the regular expression; never null */
    public RubyRegexException(String message) {
        super(message);
    }
}
