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
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.MsgDoesNotMatchRequestIdException;
import mcollective.SecurityValidationFailedException;
import mcollective.config.Config;
import mcollective.logging.LogSafe;
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.Filter;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.protocol.RequestId;
import mcollective.spi.Connector;
import mcollective.spi.InboundMessage;
import mcollective.spi.OutboundRequest;
import mcollective.spi.PluginContext;
import mcollective.spi.Role;
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
                throw new McollectiveException(String.format(
                        "Unknown collective '%s' known collectives are '%s'",
                        c, String.join(", ", config.collectives())));
            }
        });
        PluginContext base = new PluginContext(config, "client", registry, clock, env, Map.of(Role.class, Role.CLIENT));
        this.security = registry.create(SecurityProvider.class, config.securityProvider(), base);
        this.connector = registry.create(Connector.class, config.connector(), base);
        connector.onMessage(inbox::add);
    }

    /**
     * Connects to the middleware, giving up after {@code connection_timeout} (or the option) when one is set.
     * Throws {@link mcollective.MiddlewareException} with a one-line reason.
     */
    public void connect() {
        Optional<Integer> timeout = options.connectionTimeout().or(config::connectionTimeout);
        connector.connect(timeout.map(Duration::ofSeconds));
    }

    /** The callerid this client's security plugin sends. */
    public String callerId() {
        return security.callerId();
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
    public RequestStats request(
            Object body,
            String agent,
            Filter filter,
            List<String> targets,
            Duration timeout,
            Predicate<Integer> done,
            Consumer<Reply> onReply) {
        return request(body, agent, filter, targets, timeout, Optional.empty(), done, onReply);
    }

    /**
     * As {@link #request(Object, String, Filter, List, Duration, Predicate, Consumer)}, and once
     * the first reply came, stops as soon as no further reply has come for {@code quiet} (windowed discovery).
     */
    public RequestStats request(
            Object body,
            String agent,
            Filter filter,
            List<String> targets,
            Duration timeout,
            Optional<Duration> quiet,
            Predicate<Integer> done,
            Consumer<Reply> onReply) {
        List<List<String>> batches = targets.isEmpty() ? List.of() : List.of(targets);
        return call(new Call(body, agent, filter, batches, timeout, quiet, done, Duration.ZERO), onReply);
    }

    /**
     * One request, possibly sent in batches: a broadcast when {@code batches} is empty, else one directed message
     * per node, batch after batch, all with one request id and one reply queue. Each batch waits until {@code done}
     * holds for the replies so far or its {@code timeout} passes, then {@code batchSleep} before the next.
     *
     * @param quiet once a reply came, stop waiting when no further reply has come for this long
     */
    public record Call(
            Object body,
            String agent,
            Filter filter,
            List<List<String>> batches,
            Duration timeout,
            Optional<Duration> quiet,
            Predicate<Integer> done,
            Duration batchSleep) {
        public Call {
            batches = List.copyOf(batches);
        }
    }

    /** Runs a {@link Call}; replies go to {@code onReply} on this thread. */
    public RequestStats call(Call call, Consumer<Reply> onReply) {
        long start = System.nanoTime();
        long sequence = SEQUENCE.incrementAndGet();
        String collective = collective();
        Request request = new Request(
                RequestId.next(),
                config.identity(),
                security.callerId(),
                call.agent(),
                collective,
                call.filter(),
                options.ttl().orElse(config.ttl()),
                clock.instant().getEpochSecond(),
                call.body());
        Subscription replies = Subscription.reply(collective, sequence);
        boolean subscribed = options.replyTo().isEmpty();
        if (subscribed) {
            connector.subscribe(replies);
        }
        Tally tally = new Tally();
        try {
            byte[] payload = security.encodeRequest(request);
            List<List<String>> batches = call.batches().isEmpty() ? List.of(List.of()) : call.batches();
            int expected = 0;
            for (int i = 0; i < batches.size(); i++) {
                expected += batches.get(i).size();
                int batchEnd = expected;
                Call batch = batches.size() == 1
                        ? call
                        : new Call(
                                call.body(),
                                call.agent(),
                                call.filter(),
                                call.batches(),
                                call.timeout(),
                                call.quiet(),
                                n -> n >= batchEnd || call.done().test(n),
                                call.batchSleep());
                connector.publish(new OutboundRequest(
                        call.agent(), collective, batches.get(i), request.ttl(), options.replyTo(), sequence, payload));
                if (!subscribed) {
                    continue;
                }
                receive(request.requestId(), System.nanoTime() + call.timeout().toNanos(), batch, tally, onReply);
                if (i < batches.size() - 1 && !call.batchSleep().isZero()) {
                    Thread.sleep(call.batchSleep().toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (subscribed) {
                connector.unsubscribe(replies);
            }
        }
        return new RequestStats(request.requestId(), tally.responses, tally.refused, elapsed(start));
    }

    private void receive(String requestId, long deadline, Call call, Tally tally, Consumer<Reply> onReply)
            throws InterruptedException {
        while (!call.done().test(tally.responses)) {
            long left = deadline - System.nanoTime();
            if (tally.responses > 0 && call.quiet().isPresent()) {
                left = Math.min(left, call.quiet().get().toNanos());
            }
            if (left <= 0) {
                return;
            }
            InboundMessage message = inbox.poll(left, TimeUnit.NANOSECONDS);
            if (message == null) {
                return;
            }
            Optional<Reply> reply = decode(message, requestId, tally);
            if (reply.isPresent()) {
                deliver(reply.get(), onReply, tally);
            }
        }
    }

    /** Hands one reply on; one that makes the caller fail is refused, counted and logged, and the next is read. */
    private static void deliver(Reply reply, Consumer<Reply> onReply, Tally tally) {
        try {
            onReply.accept(reply);
            tally.responses++;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            tally.refused++;
            LOG.warn(
                    "Refusing the reply from '{}': processing it failed: {}",
                    LogSafe.of(reply.senderId()),
                    LogSafe.of(e));
        }
    }

    /** The reply in a message, if it is one to this request; a reply that cannot be read is refused and counted. */
    private Optional<Reply> decode(InboundMessage message, String requestId, Tally tally) {
        Reply reply;
        try {
            reply = security.decodeReply(message.payload());
        } catch (SecurityValidationFailedException e) {
            tally.refused++;
            LOG.warn("Ignoring a message that did not pass security validations");
            return Optional.empty();
        } catch (MsgDoesNotMatchRequestIdException e) {
            // aes_security: a reply sealed for another client's key; quiet, as in Ruby, but counted
            tally.refused++;
            LOG.debug("Ignoring a message for some other client : {}", LogSafe.of(e.getMessage()));
            return Optional.empty();
        } catch (McollectiveException e) {
            tally.refused++;
            LOG.warn(
                    "Failed to decode a message from '{}': {}",
                    LogSafe.of(message.sender()),
                    LogSafe.of(e.getMessage()));
            return Optional.empty();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // one hostile reply must not end the command: the others are still collected and printed
            tally.refused++;
            LOG.warn(
                    "Refusing a message from '{}': decoding it failed: {}",
                    LogSafe.of(message.sender()),
                    LogSafe.of(e));
            return Optional.empty();
        }
        if (!reply.requestId().equals(requestId)) {
            LOG.debug(
                    "Ignoring a message for some other client : Message reqid {} does not match our reqid {}",
                    LogSafe.of(reply.requestId()),
                    requestId);
            return Optional.empty();
        }
        return Optional.of(reply);
    }

    /** What came back for one request so far; the calling thread only. */
    private static final class Tally {
        int responses;
        int refused;
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
