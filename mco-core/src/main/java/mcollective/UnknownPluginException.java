package mcollective;

/** Thrown for a plugin name no installed plugin answers to. */
public class UnknownPluginException extends McollectiveException {
    private static final long serialVersionUID = 1L;

    public UnknownPluginException(String message) {
        super(message);
    }

    public UnknownPluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
