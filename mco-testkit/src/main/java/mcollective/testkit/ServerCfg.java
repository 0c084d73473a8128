package mcollective.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import mcollective.McollectiveException;

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

    /** Collects the settings of a {@link ServerCfg}. Not thread-safe; setters reject null. */
    public static final class Builder {
        private final String identity;
        private final BrokerAddress broker;
        private List<String> collectives = List.of("mcollective");
        private String psk = "unset";
        private Path libdir = RubyEnvironment.PLUGINS;
        private Optional<Path> factsFile = Optional.empty();
        private Optional<Path> classesFile = Optional.empty();
        private Optional<Path> logFile = Optional.empty();
        private String logLevel = "info";
        private final List<String> extra = new ArrayList<>();

        private Builder(String identity, BrokerAddress broker) {
            this.identity = Objects.requireNonNull(identity, "identity");
            this.broker = Objects.requireNonNull(broker, "broker");
        }

        /** Collectives the node joins; the first is its main collective (default: mcollective). */
        public Builder collectives(List<String> value) {
            if (value.isEmpty()) {
                throw new McollectiveException("Node " + identity + " needs at least one collective");
            }
            this.collectives = List.copyOf(value);
            return this;
        }

        /** The psk security plugin's shared key. */
        public Builder psk(String value) {
            this.psk = Objects.requireNonNull(value, "psk");
            return this;
        }

        /** The plugin directory (default Debian's {@code /usr/share/mcollective/plugins}). */
        public Builder libdir(Path value) {
            this.libdir = Objects.requireNonNull(value, "libdir");
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

        /** {@code loglevel}: debug, info, warn, error or fatal (default info). */
        public Builder logLevel(String value) {
            this.logLevel = Objects.requireNonNull(value, "logLevel");
            return this;
        }

        /** Extra lines appended verbatim, for example {@code plugin.activemq.heartbeat_interval = 30}. */
        public Builder extra(List<String> value) {
            this.extra.addAll(value);
            return this;
        }

        String identity() {
            return identity;
        }

        /** The config. */
        public ServerCfg build() {
            List<String> lines = new ArrayList<>();
            lines.add("identity = " + identity);
            lines.addAll(Connection.lines(broker, collectives, psk, libdir));
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
            lines.add("loglevel = " + logLevel);
            lines.add("daemonize = 0");
            lines.addAll(extra);
            return new ServerCfg(identity, lines);
        }
    }
}
