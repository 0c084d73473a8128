package mcollective.server;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.SecurityValidationFailedException;
import mcollective.logging.LogSafe;
import mcollective.matcher.FilterEvaluator;
import mcollective.protocol.CallerId;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.spi.Agent;
import mcollective.spi.Connector;
import mcollective.spi.InboundMessage;
import mcollective.spi.NodeInfo;
import mcollective.spi.OutboundReply;
import mcollective.spi.SecurityProvider;

/**
 * The per-message path of a node. Port of {@code runner.rb receive/handlemsg} and {@code message.rb validate}:
 * decode and verify (security), then callerid, then TTL against {@code :msgtime}, then (beyond Ruby) a {@code :msgtime}
 * too far ahead and a request id accepted before, then filter, then dispatch to the
 * agent on a bounded worker pool with the agent's timeout, then reply to {@code reply-to}.
 *
 * <p>A bad, hostile or oversized message is logged once, counted in {@link RunnerStats} and dropped; nothing here
 * lets it stop the node. {@link #onMessage} runs on the connector's receiving thread and only decodes and checks;
 * agents run on the worker pool.
 */
final class RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(RequestProcessor.class);

    /** Requests are small (a Ruby inventory reply is a few KB); anything past this is refused unread. */
    static final int MAX_PAYLOAD = 2 * 1024 * 1024;

    private final String identity;
    private final SecurityProvider security;
    private final Connector connector;
    private final Map<String, Agent> agents;
    private final NodeInfo node;
    private final RunnerStats stats;
    private final Clock clock;
    private final ExecutorService workers;
    private final ScheduledExecutorService watchdog;
    private final FilterEvaluator filters;
    private final Freshness freshness;

    /**
     * What a node checks besides the TTL, as its config says: {@code max_clock_skew} (0 or less: off) and the
     * memory of accepted ids ({@code replay_protection}; empty: off). One instance lives as long as the node, so
     * the ids it remembers survive an agent reload.
     */
    record Freshness(int maxClockSkew, Optional<ReplayGuard> replays) {
        static final Freshness OFF = new Freshness(0, Optional.empty());
    }

    RequestProcessor(
            String identity,
            SecurityProvider security,
            Connector connector,
            Map<String, Agent> agents,
            NodeInfo node,
            RunnerStats stats,
            Clock clock,
            ExecutorService workers,
            ScheduledExecutorService watchdog,
            FilterEvaluator filters,
            Freshness freshness) {
        this.filters = filters;
        this.freshness = freshness;
        this.identity = identity;
        this.security = security;
        this.connector = connector;
        this.agents = Map.copyOf(agents);
        this.node = node;
        this.stats = stats;
        this.clock = clock;
        this.workers = workers;
        this.watchdog = watchdog;
    }

    /**
     * Gives the message exactly one verdict ({@link RunnerStats#VERDICTS}: their sum is {@code total}) and
     * dispatches it if it passed. Whatever one message causes, a {@code RuntimeException} or an {@code Error} such
     * as a stack overflow, is caught, counted ({@code errors} or {@code crashed}) and logged once, and the receiving
     * thread reads the next message.
     */
    void onMessage(InboundMessage message) {
        stats.total.incrementAndGet();
        Optional<Request> request;
        try {
            request = accept(message);
        } catch (StackOverflowError | OutOfMemoryError e) {
            refuseUnreadable(message, e);
            return;
        } catch (VirtualMachineError e) {
            throw e; // the JVM is failing (counted where it was thrown, if it was): see failed()
        } catch (RuntimeException | Error e) {
            refuseUnreadable(message, e);
            return;
        }
        request.ifPresent(r -> {
            try {
                dispatch(r, message);
            } catch (RuntimeException | Error e) {
                failed(e, "Failed to dispatch message {} from {}: {}", r.requestId(), r.senderId());
            }
        });
    }

    /** A message decoded whose callerid or TTL could not be read. */
    private void refuseUnreadable(InboundMessage message, Throwable e) {
        stats.malformed.incrementAndGet();
        failed(e, "Refusing a message from {} on {}: {}", message.sender(), message.destination());
    }

    /**
     * Counts what one message caused ({@code crashed} for an Error, else {@code errors}) and logs it once. A stack
     * overflow or an out-of-memory is one message's doing and is named by its class; any other
     * {@link VirtualMachineError} means the JVM itself is failing, so it is rethrown: the connector's thread ends and
     * the node's connection watch restarts it.
     */
    private void failed(Throwable e, String format, Object first, Object second) {
        boolean error = e instanceof Error;
        (error ? stats.crashed : stats.errors).incrementAndGet();
        boolean oneMessages = e instanceof StackOverflowError || e instanceof OutOfMemoryError;
        LOG.error(
                format,
                LogSafe.of(first),
                LogSafe.of(second),
                oneMessages ? e.getClass().getSimpleName() : LogSafe.of(e));
        if (e instanceof VirtualMachineError fatal && !oneMessages) {
            throw fatal;
        }
    }

    /** Every check before dispatch, in MCollective's order; empty when the message is dropped. */
    private Optional<Request> accept(InboundMessage message) {
        if (message.payload().length > MAX_PAYLOAD) {
            stats.oversized.incrementAndGet();
            LOG.warn(
                    "Rejecting a {} byte message from {} on {}: larger than {} bytes",
                    message.payload().length,
                    LogSafe.of(message.sender()),
                    LogSafe.of(message.destination()),
                    MAX_PAYLOAD);
            return Optional.empty();
        }
        Request request;
        try {
            request = security.decodeRequest(message.payload());
        } catch (SecurityValidationFailedException e) {
            stats.unvalidated.incrementAndGet();
            LOG.warn(
                    "Rejecting a message from {} that did not pass security validation: {}",
                    LogSafe.of(message.sender()),
                    LogSafe.of(e.getMessage()));
            return Optional.empty();
        } catch (McollectiveException e) {
            stats.malformed.incrementAndGet();
            LOG.warn(
                    "Rejecting a malformed message from {} on {}: {}",
                    LogSafe.of(message.sender()),
                    LogSafe.of(message.destination()),
                    LogSafe.of(e.getMessage()));
            return Optional.empty();
        } catch (RuntimeException | Error e) {
            stats.malformed.incrementAndGet();
            failed(
                    e,
                    "Refusing a message from {} on {} that could not be decoded: {}",
                    message.sender(),
                    message.destination());
            return Optional.empty();
        }
        if (!CallerId.isValid(request.callerId())) {
            stats.unvalidated.incrementAndGet();
            LOG.warn(
                    "Rejecting message {} from {}: callerid '{}' is not valid",
                    LogSafe.of(request.requestId()),
                    LogSafe.of(request.senderId()),
                    LogSafe.of(request.callerId()));
            return Optional.empty();
        }
        stats.validated.incrementAndGet();
        long age = clock.instant().getEpochSecond() - request.msgtime();
        if (age > request.ttl()) {
            stats.ttlexpired.incrementAndGet();
            LOG.warn(
                    "Message {} from {} created at {} is {} seconds old, TTL is {}. Rejecting message.",
                    LogSafe.of(request.requestId()),
                    LogSafe.of(request.senderId()),
                    request.msgtime(),
                    age,
                    request.ttl());
            return Optional.empty();
        }
        if (!isFresh(request)) {
            return Optional.empty();
        }
        boolean passed;
        try {
            passed = filters.evaluate(request.filter(), node).passed();
        } catch (RuntimeException | Error e) {
            // a filter that cannot be evaluated does not pass
            stats.filtered.incrementAndGet();
            failed(
                    e,
                    "Refusing message {} from {}: its filter could not be evaluated: {}",
                    request.requestId(),
                    request.senderId());
            return Optional.empty();
        }
        if (!passed) {
            stats.filtered.incrementAndGet();
            LOG.debug(
                    "Message {} from {} does not pass filters. Ignoring message.",
                    LogSafe.of(request.requestId()),
                    LogSafe.of(request.senderId()));
            return Optional.empty();
        }
        stats.passed.incrementAndGet();
        return Optional.of(request);
    }

    /**
     * The checks Ruby lacks, after the TTL's (only authentic, unexpired requests get this far, so only they are
     * remembered) and before the filter's (a replay never runs the filter's data plugins): a {@code :msgtime}
     * further ahead than {@code max_clock_skew}, and a second copy of a request id accepted before.
     */
    private boolean isFresh(Request request) {
        long now = clock.instant().getEpochSecond();
        long ahead = request.msgtime() - now;
        if (freshness.maxClockSkew() > 0 && ahead > freshness.maxClockSkew()) {
            stats.skewed.incrementAndGet();
            LOG.warn(
                    "Message {} from {} created at {} is {} seconds in the future, more than max_clock_skew {}. "
                            + "Rejecting message.",
                    LogSafe.of(request.requestId()),
                    LogSafe.of(request.senderId()),
                    request.msgtime(),
                    ahead,
                    freshness.maxClockSkew());
            return false;
        }
        if (freshness.replays().isEmpty()) {
            return true;
        }
        switch (freshness.replays().get().admit(request.requestId(), request.msgtime(), request.ttl(), now)) {
            case REPLAYED -> {
                stats.replayed.incrementAndGet();
                LOG.warn(
                        "Message {} from {} (caller {}) was received before; rejecting this copy as a replay",
                        LogSafe.of(request.requestId()),
                        LogSafe.of(request.senderId()),
                        LogSafe.of(request.callerId()));
                return false;
            }
            case FULL -> {
                stats.replayfull.incrementAndGet();
                LOG.warn(
                        "Rejecting message {} from {}: the node already remembers {} request ids whose TTL has not "
                                + "passed (replay_protection)",
                        LogSafe.of(request.requestId()),
                        LogSafe.of(request.senderId()),
                        freshness.replays().get().capacity());
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    private void dispatch(Request request, InboundMessage message) {
        Agent agent = agents.get(request.agent());
        if (agent == null) {
            stats.dropped.incrementAndGet();
            LOG.warn(
                    "Message {} from {} is for agent '{}', which this node does not run",
                    LogSafe.of(request.requestId()),
                    LogSafe.of(request.senderId()),
                    LogSafe.of(request.agent()));
            return;
        }
        try {
            Future<?> task = workers.submit(() -> run(agent, request, message));
            Duration timeout = agent.timeout();
            watchdog.schedule(
                    () -> {
                        if (!task.isDone() && task.cancel(true)) {
                            stats.timeouts.incrementAndGet();
                            LOG.warn(
                                    "Timeout while handling message {} for agent {} after {}s; no reply sent",
                                    LogSafe.of(request.requestId()),
                                    agent.name(),
                                    timeout.toSeconds());
                        }
                    },
                    timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            stats.dropped.incrementAndGet();
            LOG.warn(
                    "Dropping message {} for agent {}: every worker is busy and the queue is full",
                    LogSafe.of(request.requestId()),
                    agent.name());
        }
    }

    /**
     * One request on a worker: the agent, then the reply. Whatever either throws is counted and logged once, here:
     * the pool would otherwise keep it in a Future nobody reads.
     */
    private void run(Agent agent, Request request, InboundMessage message) {
        Optional<Object> body;
        try {
            body = agent.handle(request);
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) { // an interrupted one timed out, and that was logged
                stats.errors.incrementAndGet();
                LOG.error(
                        "Agent {} failed on message {}: {}",
                        agent.name(),
                        LogSafe.of(request.requestId()),
                        LogSafe.of(e),
                        e);
            }
            return;
        } catch (Error e) {
            stats.crashed.incrementAndGet();
            LOG.error(
                    "Agent {} crashed on message {} from {}: {}",
                    agent.name(),
                    LogSafe.of(request.requestId()),
                    LogSafe.of(request.senderId()),
                    LogSafe.of(e),
                    e);
            return;
        }
        if (body.isEmpty() || Thread.currentThread().isInterrupted()) {
            return;
        }
        Optional<String> replyTo = message.replyTo();
        if (replyTo.isEmpty()) {
            LOG.debug("Message {} has no reply-to; not replying", LogSafe.of(request.requestId()));
            return;
        }
        try {
            Reply reply = new Reply(
                    request.requestId(), identity, agent.name(), clock.instant().getEpochSecond(), body.get());
            connector.publish(new OutboundReply(replyTo.get(), request.ttl(), security.encodeReply(reply, request)));
            stats.replies.incrementAndGet();
        } catch (RuntimeException | Error e) {
            stats.errors.incrementAndGet();
            LOG.error(
                    "Could not send the reply of agent {} to message {} to {}: {}",
                    agent.name(),
                    LogSafe.of(request.requestId()),
                    LogSafe.of(replyTo.get()),
                    LogSafe.of(e));
        }
    }
}
