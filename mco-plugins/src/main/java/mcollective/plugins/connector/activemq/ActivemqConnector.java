package mcollective.plugins.connector.activemq;

import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.MiddlewareException;
import mcollective.config.Config;
import mcollective.config.PluginConfig;
import mcollective.logging.LogSafe;
import mcollective.plugins.connector.stomp.StompClient;
import mcollective.plugins.connector.stomp.StompClientSettings;
import mcollective.plugins.connector.stomp.StompException;
import mcollective.plugins.connector.stomp.StompFrame;
import mcollective.spi.Connector;
import mcollective.spi.InboundMessage;
import mcollective.spi.OutboundReply;
import mcollective.spi.OutboundRequest;
import mcollective.spi.PluginContext;
import mcollective.spi.Subscription;

/**
 * Port of {@code lib/mcollective/connector/activemq.rb}: MCollective over STOMP with ActiveMQ's (and Artemis')
 * destination names (reference/PROTOCOL.md §2). Broadcast requests go to {@code /topic/<c>.<agent>.agent}, directed ones to
 * {@code /queue/<c>.nodes} with an {@code mc_identity} header, replies to {@code /queue/<c>.reply.<id>_<pid>.<seq>};
 * headers are written in {@code headers_for}'s order.
 */
public final class ActivemqConnector implements Connector {
    private static final Logger LOG = LoggerFactory.getLogger(ActivemqConnector.class);

    private String identity;
    private boolean base64;
    private boolean multiplex;
    private int priority;
    private StompClientSettings settings;
    private volatile Consumer<InboundMessage> listener = m -> {};
    private volatile StompClient stomp;
    /** By subscription id, in the order subscribed: what a restart subscribes again. Guarded by itself. */
    private final Map<String, Target> subscriptions = new LinkedHashMap<>();

    private volatile boolean disconnected;
    private volatile Optional<String> restartFailure = Optional.empty();

    @Override
    public String name() {
        return "activemq";
    }

    @Override
    public void init(PluginContext context) {
        Config config = context.config();
        PluginConfig plugin = context.pluginConfig();
        this.identity = config.identity();
        this.base64 = plugin.getBool("base64", false);
        this.multiplex = plugin.getBool("agents_multiplex", false);
        this.priority = plugin.getInt("priority").orElse(0);
        this.settings = StompClientSettings.read(plugin, context.env(), "ACTIVEMQ", "mcollective");
    }

    private volatile StompClient connecting;

    @Override
    public void onMessage(Consumer<InboundMessage> newListener) {
        this.listener = newListener;
    }

    @Override
    public void connect(Optional<Duration> giveUpAfter) {
        if (stomp != null) {
            return;
        }
        disconnected = false;
        stomp = open(giveUpAfter);
    }

    @Override
    public Optional<String> failure() {
        if (disconnected) {
            return Optional.empty();
        }
        StompClient client = stomp;
        return restartFailure.or(() -> client == null ? Optional.empty() : client.failure());
    }

    /**
     * Closes the failed client and connects a new one, which sends every subscription of the old one once it is
     * connected. Subscribing and unsubscribing wait for it, so that none is lost in between.
     */
    @Override
    public void restart(Duration giveUpAfter) {
        synchronized (subscriptions) {
            StompClient old = stomp;
            stomp = null;
            if (old != null) {
                old.close();
            }
            try {
                StompClient client = open(Optional.of(giveUpAfter));
                if (disconnected) {
                    client.close();
                    throw new MiddlewareException("Disconnected from ActiveMQ while restarting the connection");
                }
                stomp = client;
                restartFailure = Optional.empty();
            } catch (RuntimeException e) {
                restartFailure = Optional.of("restarting the connection failed: " + e.getMessage());
                throw e instanceof MiddlewareException m
                        ? m
                        : new MiddlewareException("Could not restart the ActiveMQ connection: " + e.getMessage(), e);
            }
        }
    }

    /** A connected client that subscribes to everything subscribed so far; a disconnect meanwhile closes it. */
    private StompClient open(Optional<Duration> giveUpAfter) {
        StompClient client = new StompClient(settings.options(this::receive, giveUpAfter));
        synchronized (subscriptions) {
            subscriptions.values().forEach(t -> client.subscribe(t.name(), t.headers(), t.id()));
        }
        connecting = client; // disconnect() from another thread closes it, ending the retries
        if (disconnected) {
            client.close(); // disconnect() looked before connecting was set
        }
        try {
            client.connect();
        } catch (StompException e) {
            client.close();
            throw new MiddlewareException("Could not connect to ActiveMQ Server: " + e.getMessage(), e);
        } finally {
            connecting = null;
        }
        return client;
    }

    private void receive(StompFrame frame) {
        byte[] body = frame.body();
        if (base64) {
            try {
                body = Base64.getMimeDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                LOG.warn(
                        "Dropping a message on {} whose body is not base64: {}",
                        LogSafe.of(frame.header("destination").orElse("?")),
                        LogSafe.of(e.getMessage()));
                return;
            }
        }
        listener.accept(new InboundMessage(
                body, frame.header("reply-to"), frame.header("destination").orElse(""), frame.headers()));
    }

    @Override
    public void subscribe(Subscription subscription) {
        Target target = target(subscription);
        synchronized (subscriptions) {
            if (subscriptions.putIfAbsent(target.id(), target) != null) {
                LOG.debug("Already subscribed to {}", target.name());
                return;
            }
            LOG.debug("Subscribing to {} with headers {}", target.name(), target.headers());
            connected().subscribe(target.name(), target.headers(), target.id());
        }
    }

    @Override
    public void unsubscribe(Subscription subscription) {
        Target target = target(subscription);
        synchronized (subscriptions) {
            if (subscriptions.remove(target.id()) != null) {
                LOG.debug("Unsubscribing from {}", target.name());
                connected().unsubscribe(target.name(), target.headers(), target.id());
            }
        }
    }

    @Override
    public void publish(OutboundRequest request) {
        byte[] payload = encode(request.payload());
        String replyTo = request.replyTo().orElseGet(() -> replyTarget(request.collective(), request.sequence()));
        if (request.isDirected()) {
            String queue = "/queue/" + request.collective() + ".nodes";
            for (String node : request.targets()) {
                connected().send(queue, headers(request.ttl(), Optional.of(replyTo), Optional.of(node)), payload);
            }
        } else {
            String topic = multiplex
                    ? "/topic/" + request.collective() + ".agents"
                    : "/topic/" + request.collective() + "." + request.agent() + ".agent";
            connected().send(topic, headers(request.ttl(), Optional.of(replyTo), Optional.empty()), payload);
        }
    }

    @Override
    public void publish(OutboundReply reply) {
        connected()
                .send(
                        reply.replyTo(),
                        headers(reply.ttl(), Optional.empty(), Optional.empty()),
                        encode(reply.payload()));
    }

    @Override
    public String replyTarget(String collective, long requestSequence) {
        return "/queue/" + collective + ".reply." + identity + "_"
                + ProcessHandle.current().pid() + "." + requestSequence;
    }

    @Override
    public void disconnect() {
        // not synchronized: it must end a restart that holds the lock while it retries
        disconnected = true;
        StompClient attempt = connecting;
        if (attempt != null) {
            attempt.close();
        }
        StompClient client = stomp;
        stomp = null;
        synchronized (subscriptions) {
            subscriptions.clear();
        }
        if (client != null) {
            LOG.debug("Disconnecting from ActiveMQ");
            client.close();
        }
    }

    /** {@code headers_for}: priority, timestamp, expires, reply-to, mc_identity, mc_sender, in that order. */
    private Map<String, String> headers(int ttl, Optional<String> replyTo, Optional<String> node) {
        long now = System.currentTimeMillis() / 1000;
        Map<String, String> headers = new LinkedHashMap<>();
        if (priority > 0) {
            headers.put("priority", Integer.toString(priority));
        }
        headers.put("timestamp", Long.toString(now * 1000));
        headers.put("expires", Long.toString((now + ttl + 10) * 1000));
        replyTo.ifPresent(r -> headers.put("reply-to", r));
        node.ifPresent(n -> headers.put("mc_identity", n));
        headers.put("mc_sender", identity);
        return headers;
    }

    /** {@code make_target}: the destination, subscribe headers and subscription id of a logical target. */
    private Target target(Subscription subscription) {
        String collective = subscription.collective();
        return switch (subscription.type()) {
            case BROADCAST -> {
                String name = multiplex
                        ? "/topic/" + collective + ".agents"
                        : "/topic/" + collective + "." + subscription.agent() + ".agent";
                yield new Target(name, Map.of(), name);
            }
            case DIRECTED ->
                new Target(
                        "/queue/" + collective + ".nodes",
                        Map.of("selector", "mc_identity = '" + identity + "'"),
                        collective + "_directed_to_identity");
            case REPLY -> {
                String name = replyTarget(collective, subscription.sequence());
                yield new Target(name, Map.of(), name);
            }
        };
    }

    private byte[] encode(byte[] payload) {
        return base64 ? Base64.getEncoder().encode(payload) : payload;
    }

    private StompClient connected() {
        StompClient client = stomp;
        if (client == null) {
            throw new MiddlewareException("Not connected to ActiveMQ");
        }
        return client;
    }

    private record Target(String name, Map<String, String> headers, String id) {}
}
