package mcollective.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import mcollective.MiddlewareException;
import mcollective.spi.Connector;
import mcollective.spi.InboundMessage;
import mcollective.spi.OutboundReply;
import mcollective.spi.OutboundRequest;
import mcollective.spi.Subscription;

/**
 * A connector with no broker, for unit tests: it records subscriptions and everything published, and
 * {@link #deliver} hands a payload to the listener as if it had arrived. The test kit's MockWebServer. It can also
 * play a connection that stopped receiving ({@link #fail}) and whose restarts fail ({@link #refuseRestarts}).
 */
public final class InMemoryConnector implements Connector {
    private volatile Consumer<InboundMessage> listener = m -> {};
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final List<OutboundRequest> requests = new CopyOnWriteArrayList<>();
    private final List<OutboundReply> replies = new CopyOnWriteArrayList<>();
    private volatile boolean connected;
    private volatile Optional<String> failure = Optional.empty();
    private volatile Optional<String> restartRefusal = Optional.empty();
    private final AtomicInteger restarts = new AtomicInteger();

    @Override
    public String name() {
        return "inmemory";
    }

    @Override
    public void onMessage(Consumer<InboundMessage> newListener) {
        this.listener = newListener;
    }

    @Override
    public void connect(Optional<Duration> giveUpAfter) {
        connected = true;
    }

    @Override
    public void subscribe(Subscription subscription) {
        subscriptions.add(subscription);
    }

    @Override
    public void unsubscribe(Subscription subscription) {
        subscriptions.remove(subscription);
    }

    @Override
    public void publish(OutboundRequest request) {
        requests.add(request);
    }

    @Override
    public void publish(OutboundReply reply) {
        replies.add(reply);
    }

    @Override
    public String replyTarget(String collective, long requestSequence) {
        return "/queue/" + collective + ".reply.inmemory." + requestSequence;
    }

    @Override
    public void disconnect() {
        connected = false;
    }

    @Override
    public Optional<String> failure() {
        return connected ? failure : Optional.empty();
    }

    /** Counts the restart; it clears the failure unless {@link #refuseRestarts} said otherwise. */
    @Override
    public void restart(Duration giveUpAfter) {
        restarts.incrementAndGet();
        if (restartRefusal.isPresent()) {
            throw new MiddlewareException(restartRefusal.get());
        }
        failure = Optional.empty();
    }

    /** Reports {@code reason} as the connector's failure until a restart succeeds. */
    public void fail(String reason) {
        failure = Optional.of(reason);
    }

    /** Makes every restart throw with this message; empty: restarts succeed again. */
    public void refuseRestarts(Optional<String> message) {
        restartRefusal = message;
    }

    /** How many times the connection was restarted. */
    public int restarts() {
        return restarts.get();
    }

    /** Delivers a payload as if it arrived on {@code destination} with this reply-to. */
    public void deliver(byte[] payload, String destination, String replyTo) {
        listener.accept(
                new InboundMessage(payload, Optional.ofNullable(replyTo), destination, Map.of("mc_sender", "test")));
    }

    public boolean isConnected() {
        return connected;
    }

    public Set<Subscription> subscriptions() {
        return Set.copyOf(subscriptions);
    }

    public List<OutboundRequest> requests() {
        return List.copyOf(requests);
    }

    public List<OutboundReply> replies() {
        return List.copyOf(replies);
    }
}
