package mcollective.testkit;

import java.util.ArrayList;
import java.util.List;

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

    /** Collects the settings of a {@link ClientCfg}; the log level defaults to warn. Not thread-safe. */
    public static final class Builder extends CfgBuilder<Builder> {
        private Builder(BrokerAddress broker) {
            super(broker, "warn");
        }

        @Override
        String who() {
            return "A client";
        }

        @Override
        Builder self() {
            return this;
        }

        /** The config. */
        public ClientCfg build() {
            List<String> lines = new ArrayList<>(connectionLines());
            lines.addAll(List.of("logger_type = console", "loglevel = " + logLevel(), "color = 0"));
            lines.addAll(extra());
            return new ClientCfg(lines);
        }
    }
}
