package mcollective.plugins.connector.stomp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands frames read by the reader thread to the listeners. A failing listener is logged, never fatal. */
final class Dispatch {
    private static final Logger LOG = LoggerFactory.getLogger(StompClient.class);

    private Dispatch() {
    }

    static void frame(StompFrame frame, String url, StompClientOptions options) {
        try {
            switch (frame.command()) {
                case "MESSAGE" -> options.messageListener().accept(frame);
                case "ERROR" -> {
                    LOG.error("Received ERROR from {}: {}", url, StompErrorFrameException.brokerMessage(frame));
                    options.errorListener().accept(frame);
                }
                case "RECEIPT" -> LOG.debug("Received RECEIPT from {}: {}", url, frame.headers());
                default -> LOG.warn("Unexpected '{}' frame from {}. Headers: {}", frame.command(), url,
                        frame.headers());
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // the reader thread is the connection's only one: no frame may end it
            LOG.error("STOMP listener failed on a {} frame from {}", frame.command(), url, e);
        }
    }
}
