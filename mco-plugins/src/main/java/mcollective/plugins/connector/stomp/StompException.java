package mcollective.plugins.connector.stomp;

import mcollective.McollectiveException;

/**
 * A STOMP failure: malformed or oversize frames, a connection that could not be made within its attempts or time,
 * or use of a closed client. Unchecked; the message names the value or broker at fault.
 */
public class StompException extends McollectiveException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message naming the value at fault. */
    public StompException(String message) {
        super(message);
    }

    /** Creates an exception with a message naming the value at fault and its cause. */
    public StompException(String message, Throwable cause) {
        super(message, cause);
    }
}
