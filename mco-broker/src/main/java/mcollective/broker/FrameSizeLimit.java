package mcollective.broker;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.core.protocol.stomp.StompConnection;
import org.apache.activemq.artemis.core.protocol.stomp.StompFrame;
import org.apache.activemq.artemis.core.protocol.stomp.StompFrameInterceptor;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses STOMP frames whose body is larger than the limit: the client gets an ERROR frame naming the sizes and is
 * disconnected, and the frame goes nowhere. Artemis has no frame limit for STOMP over TCP (its
 * {@code stompMaxFramePayloadLength} only applies to WebSockets), so this is where the bound is kept.
 * Thread-safe (immutable).
 */
final class FrameSizeLimit implements StompFrameInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(FrameSizeLimit.class);
    private final int maxBodyBytes;

    FrameSizeLimit(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean intercept(StompFrame frame, RemotingConnection connection) throws ActiveMQException {
        byte[] body = frame.getBodyAsBytes();
        if (body == null || body.length <= maxBodyBytes) {
            return true;
        }
        String why = "frame body of " + body.length + " bytes exceeds the limit of " + maxBodyBytes + " bytes";
        LOG.warn("Refusing a {} from {}: {}", frame.getCommand(), connection.getRemoteAddress(), why);
        if (connection instanceof StompConnection stomp) {
            StompFrame error = new StompFrame("ERROR");
            error.addHeader("message", why);
            error.setBody(why);
            error.setNeedsDisconnect(true);
            stomp.sendFrame(error, null);
        } else {
            connection.destroy();
        }
        return false;
    }
}
