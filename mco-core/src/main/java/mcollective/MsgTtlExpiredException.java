package mcollective;

/** Thrown for a request older than its ttl. */
public class MsgTtlExpiredException extends McollectiveException {
    private static final long serialVersionUID = 1L;

    public MsgTtlExpiredException(String message) {
        super(message);
    }

    public MsgTtlExpiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
