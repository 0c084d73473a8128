package mcollective.client;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.Filter;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.protocol.RequestId;
import mcollective.spi.Connector;
import mcollective.spi.InboundMessage;
import mcollective.spi.OutboundRequest;
import mcollective.spi.PluginContext;
import mcollective.spi.SecurityProvider;
import mcollective.spi.Subscription;

/**
 * The low-level client: publishes one request and hands back its replies. Port of {@code lib/mcollective/client.rb}
 * ({@code sendreq}, {@code req}, {@code receive}): a reply queue per request sequence, replies for other requests
 * and replies failing the security check are dropped with a log line, and receiving stops at the timeout or as
 * soon as the caller's stop condition holds.
 *
 * <p>Not thread-safe: one thread drives one client; replies arrive on the connector's thread and are queued.
 */
public final class Client implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Client.class);
    /** Ruby's {@code Client.request_sequence}, shared by every client in the JVM so reply queues never collide. */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Config config;
    private final ClientOptions options;
    private final Clock clock;
    private final SecurityProvider security;
    private final Connector connector;
    private final BlockingQueue<InboundMessage> inbox = new LinkedBlockingQueue<>();

    public Client(Config config, PluginRegistry registry, ClientOptions options) {
        this(config, registry, options, Clock.systemUTC(), System.getenv());
    }

    public Client(Config config, PluginRegistry registry, ClientOptions options, Clock clock, Map<String, String> env) {
        this.config = Objects.requireNonNull(config, "config");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = clock;
        options.collective().ifPresent(c -> {
            if (!config.collectives().contains(c)) {
                throw new McollectiveException(String.format("Unknown collective '%s' known collectives are '%s'",
                        c, String.join(", ", config.collectives())));
            }
        });
        PluginContext base = new PluginContext(config, "client", registry, clock, env, Map.of());
        this.security = registry.create(SecurityProvider.class, config.securityProvider());
        security.init(base.forPlugin(security.name()));
        this.connector = registry.create(Connector.class, config.connector());
        connector.init(base.forPlugin(connector.name()));
        connector.onMessage(inbox::add);
    }

    /**
     * Connects to the middleware, giving up after {@code connection_timeout} (or the option) when one is set.
     * Throws {@link MiddlewareException} with a one-line reason.
     */
    public void connect() {
        Optional<Integer> timeout = options.connectionTimeout().or(config::connectionTimeout);
        connector.connect(timeout.map(Duration::ofSeconds));
    }

    /** The collective requests go to: {@code -T}, else {@code main_collective}. */
    public String collective() {
        return options.collective().orElse(config.mainCollective());
    }

    public Config config() {
        return config;
    }

    public ClientOptions options() {
        return options;
    }

    /**
     * Sends a request and delivers its replies to {@code onReply} until {@code timeout} passes or {@code done}
     * says enough replies have come.
     *
     * @param body    the inner body ({@code "ping"} or a SimpleRPC Hash)
     * @param agent   the target agent
     * @param filter  the filter sent (for a directed request, nodes ignore all but the agent)
     * @param targets node identities for a directed request, or empty for a broadcast
     * @param timeout how long to wait for replies
     * @param done    stop early once it returns true for the replies received so far
     * @param onReply called on this thread for each valid reply
     */
    public RequestStats request(Object body, String agent, Filter filter, List<String> targets, Duration timeout,
            Predicate<Integer> done, java.util.function.Consumer<Reply> onReply) {
        return request(body, agent, filter, targets, timeout, Optional.empty(), done, onReply);
    }

    /**
     * As {@link #request(Object, String, Filter, List, Duration, Predicate, java.util.function.Consumer)}, and once
     * the first reply came, stops as soon as no further reply has come for {@code quiet} (windowed discovery).
     */
    public RequestStats request(Object body, String agent, Filter filter, List<String> targets, Duration timeout,
            Optional<Duration> quiet, Predicate<Integer> done, java.util.function.Consumer<Reply> onReply) {
        long start = System.nanoTime();
        long sequence = SEQUENCE.incrementAndGet();
        String collective = collective();
        Request request = new Request(RequestId.next(), config.identity(), security.callerId(), agent, collective,
                filter, options.ttl().orElse(config.ttl()), clock.instant().getEpochSecond(), body);
        Subscription replies = Subscription.reply(collective, sequence);
        boolean subscribed = options.replyTo().isEmpty();
        if (subscribed) {
            connector.subscribe(replies);
        }
        int responses = 0;
        try {
            connector.publish(new OutboundRequest(agent, collective, targets, request.ttl(), options.replyTo(),
                    sequence, security.encodeRequest(request)));
            if (!subscribed) {
                return new RequestStats(request.requestId(), 0, elapsed(start));
            }
            long deadline = start + timeout.toNanos();
            while (!done.test(responses)) {
                long left = deadline - System.nanoTime();
                if (responses > 0 && quiet.isPresent()) {
                    left = Math.min(left, quiet.get().toNanos());
                }
                if (left <= 0) {
                    break;
                }
                InboundMessage message = inbox.poll(left, TimeUnit.NANOSECONDS);
                if (message == null) {
                    break;
                }
                Optional<Reply> reply = decode(message, request.requestId());
                if (reply.isPresent()) {
                    responses++;
                    onReply.accept(reply.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (subscribed) {
                connector.unsubscribe(replies);
            }
        }
        return new RequestStats(request.requestId(), responses, elapsed(start));
    }

    private Optional<Reply> decode(InboundMessage message, String requestId) {
        Reply reply;
        try {
            reply = security.decodeReply(message.payload());
        } catch (mcollective.SecurityValidationFailedException e) {
            LOG.warn("Ignoring a message that did not pass security validations");
            return Optional.empty();
        } catch (McollectiveException e) {
            LOG.warn("Failed to decode a message from '{}': {}", message.sender(), e.getMessage());
            return Optional.empty();
        }
        if (!reply.requestId().equals(requestId)) {
            LOG.debug("Ignoring a message for some other client : Message reqid {} does not match our reqid {}",
                    reply.requestId(), requestId);
            return Optional.empty();
        }
        return Optional.of(reply);
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Disconnects. Idempotent. */
    @Override
    public void close() {
        connector.disconnect();
    }
}
