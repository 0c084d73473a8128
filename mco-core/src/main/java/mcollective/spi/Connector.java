package mcollective.spi;

import java.util.function.Consumer;

/**
 * Middleware transport, selected by the {@code connector} config key. Port of the contract of
 * {@code lib/mcollective/connector/base.rb}: a connector turns logical targets (an agent's broadcast topic, a
 * node's directed queue, a client's reply queue) into broker destinations and headers, and moves opaque payloads
 * (already encoded by the {@link SecurityProvider}).
 *
 * <p>Threading: {@link #connect()}, {@link #subscribe}, {@link #unsubscribe} and {@link #disconnect()} are called by
 * the owning node or client; {@link #publish} may be called from many threads at once. Inbound messages are
 * delivered to the listener on the connector's own receiving thread, one at a time, so the listener must hand
 * work off quickly. A connector reconnects by itself and replays its subscriptions.
 */
public interface Connector extends Plugin {

    /** Sets where inbound messages go. Called before {@link #connect()}. */
    void onMessage(Consumer<InboundMessage> listener);

    /**
     * Connects, blocking until connected. Throws {@link mcollective.MiddlewareException} with a one-line reason
     * (bad credentials, unreachable broker) when it gives up: after {@code giveUpAfter} if given (the client's
     * {@code connection_timeout}), else only when its own reconnect settings say so (a node retries forever).
     */
    void connect(java.util.Optional<java.time.Duration> giveUpAfter);

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
}
