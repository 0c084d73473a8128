package mcollective.ddl;

import mcollective.McollectiveException;

/** A DDL that cannot be read ({@code file:line: message}) or a request a DDL refuses (Ruby's DDLValidationError). */
public class DdlException extends McollectiveException {
    private static final long serialVersionUID = 1L;

    public DdlException(String message) {
        super(message);
    }
}
