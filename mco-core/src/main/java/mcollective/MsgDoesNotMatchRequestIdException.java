package mcollective;

/** Thrown for a reply for another request. */
public class MsgDoesNotMatchRequestIdException extends McollectiveException {
    private static final long serialVersionUID = 1L;

    public MsgDoesNotMatchRequestIdException(String message) {
        super(message);
    }

    public MsgDoesNotMatchRequestIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
