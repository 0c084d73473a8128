package mcollective.broker;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import org.apache.activemq.artemis.core.protocol.stomp.StompConnection;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnection;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerConnectionPlugin;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Artemis broker plugin that puts a {@link StompGuard} in front of every new STOMP connection and counts the
 * open ones, refusing (ERROR frame, close) any beyond the connection limit.
 *
 * <p>Artemis calls {@link #afterCreateConnection} on the connection's event loop once it has recognised the
 * protocol from the first bytes and added its own handler (named {@value #ARTEMIS_HANDLER}) to the pipeline, but
 * before it hands those bytes on; the guard goes right before that handler, so it sees every byte from the first.
 * Connections that have not sent enough bytes to be recognised are bounded by the acceptor's
 * {@code handshake-timeout} instead (see {@link ArtemisConfiguration}). Thread-safe.
 */
final class ConnectionGuard implements ActiveMQServerConnectionPlugin {
    static final String ARTEMIS_HANDLER = "handler";
    static final String NAME = "mcollective-stomp-guard";
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private final FrameLimits limits;
    private final int maxConnections;
    private final Duration connectTimeout;
    private final Duration writeTimeout;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionGuard(FrameLimits limits, int maxConnections, Duration connectTimeout, Duration writeTimeout) {
        this.limits = limits;
        this.maxConnections = maxConnections;
        this.connectTimeout = connectTimeout;
        this.writeTimeout = writeTimeout;
    }

    @Override
    public void afterCreateConnection(RemotingConnection connection) {
        if (!(connection.getTransportConnection() instanceof NettyConnection netty)) {
            return;
        }
        Channel channel = netty.getChannel();
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(ARTEMIS_HANDLER) == null) {
            LOG.warn(
                    "No '{}' handler in the pipeline of {}: closing it unguarded",
                    ARTEMIS_HANDLER,
                    channel.remoteAddress());
            channel.close();
            return;
        }
        Optional<String> refusal = Optional.empty();
        if (open.incrementAndGet() > maxConnections) {
            refusal = Optional.of("connection limit of " + maxConnections + " reached (plugin.broker.max_connections)");
        }
        channel.closeFuture().addListener(closed -> open.decrementAndGet());
        pipeline.addBefore(
                ARTEMIS_HANDLER,
                NAME,
                new StompGuard(limits, () -> isLoggedIn(connection), connectTimeout, writeTimeout, refusal));
    }

    /** Connections open now (recognised as STOMP and not yet closed), refused ones included until they close. */
    int openConnections() {
        return open.get();
    }

    /** True once Artemis accepted the connection's login (it sets the flag before answering CONNECTED). */
    private static boolean isLoggedIn(RemotingConnection connection) {
        return connection instanceof StompConnection stomp && stomp.isValid();
    }
}
