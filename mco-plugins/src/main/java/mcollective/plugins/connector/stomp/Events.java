package mcollective.plugins.connector.stomp;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.logging.LogSafe;

/**
 * Logs connection events with the wording of the Ruby connector's {@code EventLogger} and forwards them to the
 * optional listener. A failing listener is logged and otherwise ignored. Thread-safe.
 */
final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(StompClient.class);

    private final Consumer<ConnectionEvent> listener;

    Events(Consumer<ConnectionEvent> listener) {
        this.listener = listener;
    }

    void emit(ConnectionEvent.Type type, String url, int attempt, String detail) {
        switch (type) {
            case CONNECTING -> LOG.info("TCP Connection attempt {} to {}", attempt, url);
            case CONNECTED -> LOG.info("Connected to {}", url);
            case CONNECT_FAILED ->
                LOG.info("TCP Connection to {} failed on attempt {}: {}", url, attempt, LogSafe.of(detail));
            case LOST -> LOG.warn("Connection to {} lost: {}", url, LogSafe.of(detail));
            case GAVE_UP -> LOG.error("Giving up connecting to the STOMP broker(s): {}", LogSafe.of(detail));
            case DISCONNECTED -> LOG.info("Disconnected from {}", url);
            default -> throw new IllegalStateException("unknown event type " + type);
        }
        try {
            listener.accept(new ConnectionEvent(type, url, attempt, detail));
        } catch (RuntimeException e) {
            LOG.error("STOMP connection event listener failed on {} {}", type, url, e);
        }
    }
}
