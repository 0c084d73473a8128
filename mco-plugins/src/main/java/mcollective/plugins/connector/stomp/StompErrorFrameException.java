package mcollective.plugins.connector.stomp;

/**
 * The broker answered CONNECT with an ERROR frame (typically a bad login). The message is the broker's
 * {@code message} header (or the body if that is absent) and the broker URL, on one line, so a CLI can print it as is.
 */
public final class StompErrorFrameException extends StompException {
    private static final long serialVersionUID = 1L;

    private final transient StompFrame frame;

    /**
     * Creates the exception.
     *
     * @param url   the broker URL, e.g. {@code stomp://mcollective@127.0.0.1:61613}; not null
     * @param frame the ERROR frame received; not null
     */
    public StompErrorFrameException(String url, StompFrame frame) {
        super("Broker " + url + " refused the connection: " + brokerMessage(frame));
        this.frame = frame;
    }

    /** The ERROR frame as received. */
    public StompFrame frame() {
        return frame;
    }

    /** The broker's {@code message} header, else the first line of the body, else {@code "unknown error"}. */
    public static String brokerMessage(StompFrame frame) {
        return frame.header("message")
                .or(() -> frame.bodyAsString().lines().filter(l -> !l.isBlank()).findFirst())
                .map(String::strip)
                .orElse("unknown error");
    }
}
