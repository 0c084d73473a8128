package mcollective.spi;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import mcollective.MiddlewareException;

/**
 * Middleware transport, selected by the {@code connector} config key. Port of the contract of
 * {@code lib/mcollective/connector/base.rb}: a connector turns logical targets (an agent's broadcast topic, a
 * node's directed queue, a client's reply queue) into broker destinations and headers, and moves opaque payloads
 * (already encoded by the {@link SecurityProvider}).
 *
 * <p>Threading: {@link #connect}, {@link #subscribe}, {@link #unsubscribe} and {@link #disconnect()} are called by
 * the owning node or client; {@link #publish} may be called from many threads at once. Inbound messages are
 * delivered to the listener on the connector's own receiving thread, one at a time, so the listener must hand
 * work off quickly. A connector reconnects by itself and replays its subscriptions.
 *
 * <p>Liveness: a connector that can end up unable to receive for good (its receiving thread ended, it gave up
 * reconnecting) says so through {@link #failure()}; the node then calls {@link #restart}, and if restarting keeps
 * failing the daemon exits so that a supervisor starts it afresh. A node is never alive but deaf.
 */
public interface Connector extends Plugin {

    /** Sets where inbound messages go. Called before {@link #connect}. */
    void onMessage(Consumer<InboundMessage> listener);

    /**
     * Connects, blocking until connected. Throws {@link MiddlewareException} with a one-line reason
     * (bad credentials, unreachable broker) when it gives up: after {@code giveUpAfter} if given (the client's
     * {@code connection_timeout}), else only when its own reconnect settings say so (a node retries forever).
     */
    void connect(Optional<Duration> giveUpAfter);

    /** Subscribes once; a second identical subscription is ignored. */
    void subscribe(Subscription subscription);

    void unsubscribe(Subscription subscription);

    /** Publishes a request: one broadcast, or one message per target node for a directed request. */
    void publish(OutboundRequest request);

    /** Publishes a reply to the request's reply-to destination. */
    void publish(OutboundReply reply);

    /**
     * The destination replies to a request with this sequence number go to, unless the request names its own
     * ({@code --reply-to}). The client subscribes to it before publishing.
     */
    String replyTarget(String collective, long requestSequence);

    /** Disconnects and releases threads and sockets. Idempotent. */
    void disconnect();

    /**
     * Why this connector can no longer receive, if it cannot: its receiving thread ended, or it gave up
     * reconnecting, for any reason other than {@link #disconnect()}. Empty while it is connected or reconnecting by
     * itself, before {@link #connect}, and after {@link #disconnect()}. Polled every few seconds from the node's
     * watchdog thread; must not block. The default never reports a failure.
     *
     * @return a one-line reason naming what ended, e.g. {@code "STOMP reader thread stomp-reader-1 ended: ..."}
     */
    default Optional<String> failure() {
        return Optional.empty();
    }

    /**
     * Replaces a failed connection with a new one, as after a broker restart: drops whatever is left of the old
     * one, connects (giving up after {@code giveUpAfter}) and subscribes again to everything subscribed before.
     * Called from the node's watchdog thread after {@link #failure()} reported one; a {@link #disconnect()} from
     * another thread meanwhile ends it. Throws {@link MiddlewareException} with a one-line reason when it
     * fails; {@link #failure()} then stays non-empty. The default cannot restart and says so.
     */
    default void restart(Duration giveUpAfter) {
        throw new MiddlewareException("The " + name() + " connector cannot restart its connection");
    }
}
