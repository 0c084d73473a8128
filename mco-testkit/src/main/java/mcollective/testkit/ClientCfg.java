package mcollective.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import mcollective.McollectiveException;

/**
 * The text of a {@code client.cfg} for a test fleet, read by Ruby {@code mco} and the Java client alike: the same
 * broker, collectives and psk as the nodes, console logging at warn and no colour so output can be compared.
 * Immutable; build with {@link #builder(BrokerAddress)}.
 */
public final class ClientCfg {
    private final List<String> lines;

    private ClientCfg(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    /** A builder for a client of {@code broker}. */
    public static Builder builder(BrokerAddress broker) {
        return new Builder(broker);
    }

    /** The config lines, in order. */
    public List<String> lines() {
        return lines;
    }

    /** The config file's text, ending in a newline. */
    public String text() {
        return String.join("\n", lines) + "\n";
    }

    /** Collects the settings of a {@link ClientCfg}. Not thread-safe; setters reject null. */
    public static final class Builder {
        private final BrokerAddress broker;
        private List<String> collectives = List.of("mcollective");
        private String psk = "unset";
        private Path libdir = RubyEnvironment.PLUGINS;
        private String logLevel = "warn";
        private final List<String> extra = new ArrayList<>();

        private Builder(BrokerAddress broker) {
            this.broker = Objects.requireNonNull(broker, "broker");
        }

        /** Collectives the client knows; the first is the main one (default: mcollective). */
        public Builder collectives(List<String> value) {
            if (value.isEmpty()) {
                throw new McollectiveException("A client needs at least one collective");
            }
            this.collectives = List.copyOf(value);
            return this;
        }

        /** The psk shared with the nodes. */
        public Builder psk(String value) {
            this.psk = Objects.requireNonNull(value, "psk");
            return this;
        }

        /** The plugin directory (default Debian's). */
        public Builder libdir(Path value) {
            this.libdir = Objects.requireNonNull(value, "libdir");
            return this;
        }

        /** Console {@code loglevel} (default warn). */
        public Builder logLevel(String value) {
            this.logLevel = Objects.requireNonNull(value, "logLevel");
            return this;
        }

        /** Extra lines appended verbatim. */
        public Builder extra(List<String> value) {
            this.extra.addAll(value);
            return this;
        }

        /** The config. */
        public ClientCfg build() {
            List<String> lines = new ArrayList<>(Connection.lines(broker, collectives, psk, libdir));
            lines.addAll(List.of("logger_type = console", "loglevel = " + logLevel, "color = 0"));
            lines.addAll(extra);
            return new ClientCfg(lines);
        }
    }
}
