package mcollective.plugins.facts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.config.ConfigException;
import mcollective.config.PluginConfig;
import mcollective.logging.LogSafe;
import mcollective.spi.FactSource;
import mcollective.spi.PluginContext;
import mcollective.spi.support.Command;

/**
 * {@code factsource = ohai}: facts from Chef's {@code ohai}, the counterpart of the community MCollective ohai fact
 * plugin (which ran Ohai inside the Ruby daemon). This source runs the command, reads the JSON object it prints and
 * flattens it: nested objects become dotted keys ({@code cpu.total}, {@code virtualization.system}), string and
 * number leaves are kept as Ruby prints them ({@code 2} is {@code "2"}), arrays, nulls and booleans are dropped.
 *
 * <p>Settings: {@code plugin.ohai.command} (default {@code ohai}; split on whitespace and run directly, never through
 * a shell; it must print one full JSON object, so {@code ohai <attribute>} alone, which prints a bare value, does
 * not work), {@code plugin.ohai.whitelist} (comma-separated key prefixes; a fact is kept when its key equals one or
 * starts with it and a dot; unset keeps all), {@code plugin.ohai.timeout} (seconds before a run is killed, default
 * 60) and the core {@code fact_cache_time} (seconds between runs, at least 1).
 *
 * <p>An ohai run takes seconds, so requests never wait for one: the first run happens in {@link #init}, bounded by
 * the timeout, and later runs on a single daemon thread named {@code ohai-facts}; {@link #facts()} returns the
 * current snapshot at once. A failed run (could not start, non-zero exit, timeout, more than
 * {@value #MAX_OUTPUT_BYTES} bytes, not a JSON object, no facts) logs one line naming the command, the reason and
 * the first line of stderr, and keeps the last good facts. The plugin SPI has no shutdown hook, so the thread is a
 * daemon; {@link #close()} stops it. Thread-safe.
 */
public final class OhaiFactSource implements FactSource, AutoCloseable {
    /** Output larger than this is refused rather than read. */
    public static final int MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
    /** {@code plugin.ohai.timeout} when unset. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(OhaiFactSource.class);
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private volatile Map<String, Object> facts = Map.of();
    private Command command;
    private Duration timeout;
    private OhaiFlattener flattener;
    private ScheduledExecutorService refresher;

    /** A stopped source without facts; {@link #init} or {@link #start} starts it. */
    public OhaiFactSource() {}

    /** @return {@code "ohai"} */
    @Override
    public String name() {
        return "ohai";
    }

    /**
     * Reads {@code plugin.ohai.*} and {@code fact_cache_time}, runs the command once and starts the refresh thread.
     *
     * @throws ConfigException when the command is empty or the timeout is not a positive integer
     */
    @Override
    public void init(PluginContext context) {
        PluginConfig config = context.pluginConfig();
        int timeout = config.getInt("timeout").orElse((int) DEFAULT_TIMEOUT.toSeconds());
        if (timeout <= 0) {
            throw new ConfigException("plugin.ohai.timeout must be a positive number of seconds, not " + timeout);
        }
        start(
                parseCommand(config.get("command").orElse("ohai")),
                FactWhitelist.parse(config.get("whitelist").orElse("")),
                Duration.ofSeconds(timeout),
                Duration.ofSeconds(context.config().factCacheTime()));
    }

    /**
     * Runs the command once on the calling thread, then every {@code interval} (at least one second) on the
     * {@code ohai-facts} daemon thread. Call once.
     *
     * @param command   the program and its arguments; not empty
     * @param whitelist key prefixes to keep; empty keeps every fact
     * @param timeout   how long one run may take; positive
     * @param interval  the pause between the end of one run and the start of the next
     */
    public synchronized void start(List<String> command, List<String> whitelist, Duration timeout, Duration interval) {
        if (refresher != null) {
            throw new IllegalStateException("ohai fact source already started");
        }
        this.command = Command.of(command).withMaxOutput(MAX_OUTPUT_BYTES);
        this.timeout = timeout;
        this.flattener = new OhaiFlattener(whitelist);
        refresh();
        refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ohai-facts");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(interval.toMillis(), MIN_INTERVAL.toMillis());
        refresher.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
    }

    /** The facts of the last good run, flat ({@code "cpu.total" -> "2"}); empty until one succeeded. */
    @Override
    public Map<String, Object> facts() {
        return facts;
    }

    /**
     * Runs the command once and, if it produced facts, makes them the current snapshot.
     *
     * @return whether the run succeeded; a failure has been logged
     */
    boolean refresh() {
        try {
            Map<String, Object> loaded = flattener.flatten(runCommand());
            if (loaded.isEmpty()) {
                throw new McollectiveException("printed no string or number facts"
                        + (flattener.filters() ? " matching plugin.ohai.whitelist" : ""));
            }
            facts = loaded;
            LOG.debug("Loaded {} facts from '{}'", loaded.size(), command);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            int kept = facts.size();
            LOG.error(
                    "Failed to load facts from '{}': {}; {}",
                    command,
                    LogSafe.of(e.getMessage()),
                    kept == 0 ? "there are no facts yet" : "keeping the " + kept + " facts of the last good run");
            LOG.debug("ohai fact load failure", e);
            return false;
        }
    }

    /**
     * One run of the command.
     *
     * @return its standard output
     * @throws McollectiveException with the reason (could not start, timed out, printed too much, non-zero exit)
     *                              and the first line of standard error
     */
    private byte[] runCommand() throws InterruptedException {
        Command.Result result;
        try {
            result = command.run(timeout);
        } catch (IOException e) {
            throw new McollectiveException("could not be started: " + e.getMessage(), e);
        }
        String reason;
        if (result.timedOut()) {
            reason = "timed out after "
                    + (timeout.toMillis() % 1000 == 0
                            ? Long.toString(timeout.toSeconds())
                            : Double.toString(timeout.toMillis() / 1000.0))
                    + " s and was killed";
        } else if (result.truncated()) {
            reason = "printed more than " + MAX_OUTPUT_BYTES + " bytes; output refused";
        } else if (result.exitCode() != 0) {
            reason = "exited with status " + result.exitCode();
        } else {
            return result.stdout().getBytes(StandardCharsets.UTF_8);
        }
        String stderr = result.firstErrorLine();
        throw new McollectiveException(stderr.isEmpty() ? reason : reason + "; stderr: " + stderr);
    }

    /** Stops the refresh thread, killing a running command. Idempotent; the facts stay readable. */
    @Override
    public synchronized void close() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** @return {@code plugin.ohai.command} split on whitespace */
    static List<String> parseCommand(String line) {
        if (line.isBlank()) {
            throw new ConfigException("plugin.ohai.command is empty");
        }
        return Command.parse(line).argv();
    }
}
