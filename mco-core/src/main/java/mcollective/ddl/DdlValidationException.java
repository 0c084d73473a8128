package mcollective.ddl;

/**
 * A value or request a DDL or validator refuses, with MCollective's message: Ruby's {@code DDLValidationError}
 * (from {@code validate_rpc_request}, e.g. {@code Action get_fact needs a fact argument}) and
 * {@code ValidatorError} (from a validator, e.g. {@code value should not have ; in it}). Port of both classes of
 * {@code lib/mcollective/exceptions.rb}. A node answers it with statuscode 4 (invalid data).
 */
public class DdlValidationException extends DdlException {
    private static final long serialVersionUID = 1L;

    /** @param message MCollective's text, never null */
    public DdlValidationException(String message) {
        super(message);
    }
}
