package mcollective;

/** Thrown for a payload that is not a well-formed message of the expected shape. */
public class MessageDecodeException extends McollectiveException {
    private static final long serialVersionUID = 1L;

    public MessageDecodeException(String message) {
        super(message);
    }

    public MessageDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
