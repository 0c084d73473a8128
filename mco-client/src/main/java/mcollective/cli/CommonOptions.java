package mcollective.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine.Option;

import mcollective.client.ClientOptions;
import mcollective.client.Discoverer;
import mcollective.config.Config;

/** The "Common Options" section, option for option from {@code optionparser.rb add_common_options}. */
public final class CommonOptions {
    @Option(
            names = {"-T", "--target"},
            paramLabel = "COLLECTIVE",
            order = 1,
            description = "Target messages to a specific sub collective")
    String collective;

    @Option(
            names = {"--dt", "--discovery-timeout"},
            paramLabel = "SECONDS",
            order = 2,
            description = "Timeout for doing discovery")
    Integer discoveryTimeout;

    @Option(
            names = {"-t", "--timeout"},
            paramLabel = "SECONDS",
            order = 3,
            description = "Timeout for calling remote agents")
    Integer timeout;

    @Option(
            names = {"-q", "--quiet"},
            order = 4,
            description = "Do not be verbose")
    boolean quiet;

    @Option(names = "--ttl", paramLabel = "TTL", order = 5, description = "Set the message validity period")
    Integer ttl;

    @Option(names = "--reply-to", paramLabel = "TARGET", order = 6, description = "Set a custom target for replies")
    String replyTo;

    @Option(
            names = {"--dm", "--disc-method"},
            paramLabel = "METHOD",
            order = 7,
            description = "Which discovery method to use")
    String discoveryMethod;

    @Option(
            names = {"--do", "--disc-option"},
            paramLabel = "OPTION",
            order = 8,
            description = "Options to pass to the discovery method")
    List<String> discoveryOptions = new ArrayList<>();

    @Option(names = "--nodes", paramLabel = "FILE", order = 9, description = "List of nodes to address")
    String nodes;

    @Option(
            names = "--publish_timeout",
            paramLabel = "TIMEOUT",
            order = 10,
            description = "Timeout for publishing requests to remote agents.")
    Integer publishTimeout;

    @Option(
            names = "--threaded",
            order = 11,
            description = "Start publishing requests and receiving responses in threaded mode.")
    boolean threaded;

    @Option(names = "--sort", order = 12, description = "Sort the output of an RPC call before processing.")
    boolean sort;

    @Option(
            names = "--connection-timeout",
            paramLabel = "TIMEOUT",
            order = 13,
            description = "Set the timeout for establishing a connection to the middleware")
    Integer connectionTimeout;

    /** Seconds the CLI waits for the middleware when neither the option nor {@code connection_timeout} says. */
    static final int DEFAULT_CLI_CONNECTION_TIMEOUT = 5;

    public Optional<String> replyTo() {
        return Optional.ofNullable(replyTo);
    }

    public Optional<Integer> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** {@code --dt}, else {@code discovery_timeout} from the config. */
    public Optional<Integer> discoveryTimeout(Config config) {
        return Optional.ofNullable(discoveryTimeout).or(config::discoveryTimeout);
    }

    /** The discovery the user asked for, with whether standard input is piped. */
    public Discoverer.Request discovery(boolean stdinPiped) {
        return new Discoverer.Request(
                Optional.ofNullable(discoveryMethod),
                discoveryOptions,
                Optional.ofNullable(discoveryTimeout),
                Optional.ofNullable(nodes),
                stdinPiped);
    }

    /** Whether the user named a discovery source, so standard input must not be probed. */
    boolean choseDiscovery() {
        return discoveryMethod != null || nodes != null;
    }

    public ClientOptions clientOptions(Config config) {
        Optional<Integer> connect = Optional.ofNullable(connectionTimeout)
                .or(config::connectionTimeout)
                .or(() -> Optional.of(DEFAULT_CLI_CONNECTION_TIMEOUT));
        return new ClientOptions(
                Optional.ofNullable(collective), Optional.ofNullable(ttl), Optional.ofNullable(replyTo), connect);
    }
}
