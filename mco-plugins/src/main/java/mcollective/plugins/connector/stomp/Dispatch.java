package mcollective.plugins.connector.stomp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.logging.LogSafe;

/**
 * Hands frames read by the reader thread to the listeners. Whatever handling one frame throws is logged once and
 * the frame dropped, so that the next frame is read; only a {@link VirtualMachineError} other than a stack overflow
 * or an exhausted heap (both of which one oversized or deeply nested message can cause) goes on: the JVM itself is
 * failing, and the reader ends so that the connection is replaced (see {@link StompClient#failure()}).
 */
final class Dispatch {
    private static final Logger LOG = LoggerFactory.getLogger(StompClient.class);

    private Dispatch() {}

    static void frame(StompFrame frame, String url, StompClientOptions options) {
        try {
            switch (frame.command()) {
                case "MESSAGE" -> options.messageListener().accept(frame);
                case "ERROR" -> {
                    LOG.error(
                            "Received ERROR from {}: {}",
                            url,
                            LogSafe.of(StompErrorFrameException.brokerMessage(frame)));
                    options.errorListener().accept(frame);
                }
                case "RECEIPT" -> LOG.debug("Received RECEIPT from {}: {}", url, LogSafe.of(frame.headers()));
                default ->
                    LOG.warn(
                            "Unexpected '{}' frame from {}. Headers: {}",
                            LogSafe.of(frame.command()),
                            url,
                            LogSafe.of(frame.headers()));
            }
        } catch (StackOverflowError | OutOfMemoryError e) {
            // the reader thread is the connection's only one: no frame may end it
            LOG.error(
                    "Dropping a {} frame from {} on {}: handling it threw {}",
                    LogSafe.of(frame.command()),
                    url,
                    destination(frame),
                    e.getClass().getSimpleName());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            LOG.error(
                    "Dropping a {} frame from {} on {}: its listener failed",
                    LogSafe.of(frame.command()),
                    url,
                    destination(frame),
                    e);
        }
    }

    private static String destination(StompFrame frame) {
        return LogSafe.of(frame.header("destination").orElse("?"));
    }
}
