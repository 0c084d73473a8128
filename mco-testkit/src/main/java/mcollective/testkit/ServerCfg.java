package mcollective.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The text of a node's {@code server.cfg} for a test fleet, in the format both Ruby {@code mcollectived} and the
 * Java node read: activemq connector on one broker, psk security, yaml facts, a classes file and a log file.
 * Immutable; build with {@link #builder(String, BrokerAddress)}.
 */
public final class ServerCfg {
    private final String identity;
    private final List<String> lines;

    private ServerCfg(String identity, List<String> lines) {
        this.identity = identity;
        this.lines = List.copyOf(lines);
    }

    /** A builder for the node {@code identity} on {@code broker}. */
    public static Builder builder(String identity, BrokerAddress broker) {
        return new Builder(identity, broker);
    }

    /** The node's identity. */
    public String identity() {
        return identity;
    }

    /** The config lines, in order. */
    public List<String> lines() {
        return lines;
    }

    /** The config file's text, one line per setting, ending in a newline. */
    public String text() {
        return String.join("\n", lines) + "\n";
    }

    /** Collects the settings of a {@link ServerCfg}; the log level defaults to info. Not thread-safe. */
    public static final class Builder extends CfgBuilder<Builder> {
        private final String identity;
        private Optional<Path> factsFile = Optional.empty();
        private Optional<Path> classesFile = Optional.empty();
        private Optional<Path> logFile = Optional.empty();

        private Builder(String identity, BrokerAddress broker) {
            super(broker, "info");
            this.identity = Objects.requireNonNull(identity, "identity");
        }

        @Override
        String who() {
            return "Node " + identity;
        }

        @Override
        Builder self() {
            return this;
        }

        /** Use {@code factsource = yaml} with this facts file. */
        public Builder factsFile(Path value) {
            this.factsFile = Optional.of(value);
            return this;
        }

        /** The {@code classesfile}. */
        public Builder classesFile(Path value) {
            this.classesFile = Optional.of(value);
            return this;
        }

        /** Log to this file ({@code logger_type = file}); without it the node logs to the console. */
        public Builder logFile(Path value) {
            this.logFile = Optional.of(value);
            return this;
        }

        String identity() {
            return identity;
        }

        /** The config. */
        public ServerCfg build() {
            List<String> lines = new ArrayList<>();
            lines.add("identity = " + identity);
            lines.addAll(connectionLines());
            factsFile.ifPresent(file -> {
                lines.add("factsource = yaml");
                lines.add("plugin.yaml = " + file);
            });
            classesFile.ifPresent(file -> lines.add("classesfile = " + file));
            if (logFile.isPresent()) {
                lines.add("logger_type = file");
                lines.add("logfile = " + logFile.get());
            } else {
                lines.add("logger_type = console");
            }
            lines.add("loglevel = " + logLevel());
            lines.add("daemonize = 0");
            lines.addAll(extra());
            return new ServerCfg(identity, lines);
        }
    }
}
