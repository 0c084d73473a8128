package mcollective;

/** Thrown for the connector could not reach or talk to the broker. */
public class MiddlewareException extends McollectiveException {
    private static final long serialVersionUID = 1L;

    public MiddlewareException(String message) {
        super(message);
    }

    public MiddlewareException(String message, Throwable cause) {
        super(message, cause);
    }
}
