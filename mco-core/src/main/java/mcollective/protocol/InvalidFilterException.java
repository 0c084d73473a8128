package mcollective.protocol;

import mcollective.McollectiveException;

/**
 * A filter that cannot be used: a fact filter string without an operator, or a wire {@code :filter} hash of the
 * wrong shape (possibly from a hostile peer). Ruby raises a plain {@code RuntimeError} or crashes on such input;
 * here the message names the value at fault.
 */
public class InvalidFilterException extends McollectiveException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong, naming the offending value; never null
     */
    public InvalidFilterException(String message) {
        super(message);
    }
}
