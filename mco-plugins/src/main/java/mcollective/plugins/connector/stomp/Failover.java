package mcollective.plugins.connector.stomp;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The reconnect loop of ruby-stomp's {@code socket()} with {@code reliable: true}: try the pool hosts in turn
 * (or at random), sleeping with exponential back-off between failed attempts, until one connects, the attempts run
 * out or the deadline passes. Like {@code change_host}, the host after the one last used is tried first, so a lost
 * connection fails over to the next broker. Used by one thread at a time; {@link #abort()} from any thread.
 */
final class Failover {
    /** Completes a fresh connection (replays subscriptions); an IOException counts as a failed attempt. */
    interface Setup {
        void accept(StompConnection connection) throws IOException;
    }

    private final StompClientOptions options;
    private final Map<StompHost, TlsSetup> tls;
    private final Events events;
    private final Random random = new Random();
    private final AtomicReference<Socket> pending = new AtomicReference<>();
    private final CountDownLatch aborted = new CountDownLatch(1);
    private int next;

    Failover(StompClientOptions options, Map<StompHost, TlsSetup> tls, Events events) {
        this.options = options;
        this.tls = tls;
        this.events = events;
    }

    /**
     * Connects to some pool host.
     *
     * @param deadline          give up at this instant (nanoTime), if present
     * @param failOnErrorFrame  whether an ERROR answer to CONNECT ends the loop (the first connect) or is retried
     * @param closed            tells whether the client was closed meanwhile
     * @throws StompException when attempts or time run out, the client is closed, or (if asked) on an ERROR frame
     */
    StompConnection connect(Optional<Long> deadline, boolean failOnErrorFrame, BooleanSupplier closed, Setup setup) {
        double delay = options.initialReconnectDelay().toNanos() / 1e9;
        String lastError = "no attempt made";
        List<String> tried = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            if (closed.getAsBoolean()) {
                throw new StompException("STOMP client closed while connecting to " + options.hosts());
            }
            StompHost host = nextHost();
            tried.add(host.url());
            events.emit(ConnectionEvent.Type.CONNECTING, host.url(), attempt, "");
            Duration timeout = options.connectTimeout();
            if (deadline.isPresent()) {
                timeout = Duration.ofNanos(
                        Math.max(1_000_000, Math.min(timeout.toNanos(), deadline.get() - System.nanoTime())));
            }
            try {
                StompConnection c =
                        StompConnection.open(host, options, Optional.ofNullable(tls.get(host)), timeout, pending);
                try {
                    setup.accept(c);
                } catch (IOException | RuntimeException e) {
                    c.close();
                    throw e;
                }
                events.emit(ConnectionEvent.Type.CONNECTED, host.url(), attempt, "");
                return c;
            } catch (StompErrorFrameException e) {
                lastError = e.getMessage();
                events.emit(ConnectionEvent.Type.CONNECT_FAILED, host.url(), attempt, lastError);
                if (failOnErrorFrame) {
                    throw e;
                }
            } catch (IOException | StompException e) {
                lastError = host.url() + ": " + e;
                events.emit(ConnectionEvent.Type.CONNECT_FAILED, host.url(), attempt, e.toString());
            }
            int max = options.maxReconnectAttempts();
            if (max > 0 && attempt > max) {
                throw new StompException("Could not connect to " + String.join(", ", distinct(tried)) + " after "
                        + attempt + " attempts; last error: " + lastError);
            }
            long sleepNanos = (long) (delay * 1e9);
            if (deadline.isPresent() && System.nanoTime() + sleepNanos >= deadline.get()) {
                throw new StompException("Could not connect to " + String.join(", ", distinct(tried)) + " within "
                        + options.connectionTimeout().map(Duration::toString).orElse("the timeout")
                        + "; last error: " + lastError);
            }
            sleep(sleepNanos);
            if (options.useExponentialBackOff()) {
                delay = Math.min(
                        delay * options.backOffMultiplier(),
                        options.maxReconnectDelay().toNanos() / 1e9);
            }
        }
    }

    /** Closes the socket of an attempt in progress and ends a back-off sleep, so {@link #connect} notices a close quickly. */
    void abort() {
        aborted.countDown(); // wakes a back-off sleep, so a closed client stops retrying at once
        Socket s = pending.get();
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing only to interrupt the attempt
            }
        }
    }

    private synchronized StompHost nextHost() {
        List<StompHost> hosts = options.hosts();
        if (options.randomize()) {
            return hosts.get(random.nextInt(hosts.size()));
        }
        StompHost h = hosts.get(next % hosts.size());
        next = (next + 1) % hosts.size();
        return h;
    }

    private static List<String> distinct(List<String> urls) {
        return urls.stream().distinct().toList();
    }

    private void sleep(long nanos) {
        try {
            aborted.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StompException("Interrupted while waiting to reconnect", e);
        }
    }
}
