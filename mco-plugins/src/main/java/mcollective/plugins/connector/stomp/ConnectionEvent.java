package mcollective.plugins.connector.stomp;

import java.util.Objects;

/**
 * Something that happened to the connection, as reported by ruby-stomp's callback logger (the connector's
 * {@code EventLogger}).
 *
 * @param type    what happened
 * @param url     the broker, e.g. {@code stomp://mcollective@127.0.0.1:61613}
 * @param attempt the connection attempt number, counted from 1 within one (re)connection cycle
 * @param detail  the reason for failures and losses, else empty; never null
 */
public record ConnectionEvent(Type type, String url, int attempt, String detail) {

    /** Kinds of events. */
    public enum Type {
        /** A TCP (and TLS) connection attempt starts. */
        CONNECTING,
        /** CONNECTED received; subscriptions have been replayed. */
        CONNECTED,
        /** One attempt failed; another follows after the back-off unless attempts or time ran out. */
        CONNECT_FAILED,
        /** An established connection was lost (EOF, I/O error, missed heart-beats); reconnecting follows. */
        LOST,
        /** The client gave up reconnecting (max attempts reached); it is now unusable. */
        GAVE_UP,
        /** The client disconnected on request. */
        DISCONNECTED
    }

    /** Validates the fields. */
    public ConnectionEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(detail, "detail");
    }
}
