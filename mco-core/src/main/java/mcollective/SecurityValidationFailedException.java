package mcollective;

/** Thrown for a message failed the security plugin's checks (bad hash, signature or callerid). */
public class SecurityValidationFailedException extends McollectiveException {
    private static final long serialVersionUID = 1L;

    public SecurityValidationFailedException(String message) {
        super(message);
    }

    public SecurityValidationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
