package mcollective.ddl;

import mcollective.McollectiveException;

/**
 * A DDL that cannot be read or is not valid DSL, with {@code file:line: message} (Ruby raises these while it
 * evaluates the file). Requests a DDL refuses are the subclass {@link DdlValidationException}.
 */
public class DdlException extends McollectiveException {
    private static final long serialVersionUID = 1L;

    /** @param message the text shown to the user, never null */
    public DdlException(String message) {
        super(message);
    }
}
