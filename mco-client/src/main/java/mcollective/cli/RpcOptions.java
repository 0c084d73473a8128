package mcollective.cli;

import java.time.Duration;
import java.util.Optional;

import picocli.CommandLine.Option;

import mcollective.config.Config;

/**
 * The "RPC Options" section, option for option from {@code rpc/helpers.rb add_simplerpc_options} plus the required
 * {@code -c}, {@code -v} and {@code -h} of {@code optionparser.rb}. Descriptions are MCollective's, since help output
 * is compared with it.
 */
public final class RpcOptions {
    @Option(
            names = {"--np", "--no-progress"},
            order = 1,
            description = "Do not show the progress bar")
    boolean noProgress;

    @Option(
            names = {"-1", "--one"},
            order = 2,
            description = "Send request to only one discovered nodes")
    boolean one;

    @Option(names = "--batch", paramLabel = "SIZE", order = 3, description = "Do requests in batches")
    String batch;

    @Option(names = "--batch-sleep", paramLabel = "SECONDS", order = 4, description = "Sleep time between batches")
    Double batchSleep;

    @Option(
            names = "--limit-seed",
            paramLabel = "NUMBER",
            order = 5,
            description = "Seed value for deterministic random batching")
    Integer limitSeed;

    @Option(
            names = {"--limit-nodes", "--ln", "--limit"},
            paramLabel = "COUNT",
            order = 6,
            description = "Send request to only a subset of nodes, can be a percentage")
    String limit;

    @Option(
            names = {"-j", "--json"},
            order = 7,
            description = "Produce JSON output")
    boolean json;

    @Option(
            names = "--display",
            paramLabel = "MODE",
            order = 8,
            description = "Influence how results are displayed. One of ok, all or failed")
    String display;

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            order = 9,
            description = "Load configuration from file rather than default")
    String config;

    @Option(
            names = {"-v", "--verbose"},
            order = 10,
            description = "Be verbose")
    boolean verbose;

    @Option(
            names = {"-h", "--help"},
            order = 11,
            usageHelp = true,
            description = "Display this screen")
    boolean help;

    public boolean verbose() {
        return verbose;
    }

    public Optional<String> config() {
        return Optional.ofNullable(config);
    }

    public boolean json() {
        return json;
    }

    public boolean noProgress() {
        return noProgress;
    }

    /** {@code --display}, unchecked. */
    public String display() {
        return display;
    }

    /** {@code --limit}, or {@code "1"} for {@code --one}. */
    public Optional<String> limit() {
        return one ? Optional.of("1") : Optional.ofNullable(limit);
    }

    public Optional<Long> limitSeed() {
        return Optional.ofNullable(limitSeed).map(Integer::longValue);
    }

    /** {@code --batch}, else {@code default_batch_size} when it is not 0. */
    public Optional<String> batch() {
        return Optional.ofNullable(batch);
    }

    /** {@code --batch-sleep}, else {@code default_batch_sleep_time}. */
    public Duration batchSleep(Config config) {
        double seconds = batchSleep != null ? batchSleep : config.defaultBatchSleepTime();
        return Duration.ofMillis((long) (seconds * 1000));
    }
}
