package mcollective.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import mcollective.McollectiveException;

/**
 * What the builders of {@link ServerCfg} and {@link ClientCfg} share: the broker, collectives, psk, libdir, log
 * level and extra lines, and the config lines a node and a client both write (collectives, libdir, connector,
 * broker pool, security). Not thread-safe; setters reject null.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class CfgBuilder<B extends CfgBuilder<B>> {
    private final BrokerAddress broker;
    private List<String> collectives = List.of("mcollective");
    private String psk = "unset";
    private Optional<Path> libdir = Optional.of(RubyEnvironment.PLUGINS);
    private String logLevel;
    private final List<String> extra = new ArrayList<>();

    CfgBuilder(BrokerAddress broker, String logLevel) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.logLevel = logLevel;
    }

    /** Who the config is for, as messages name it ("Node node1", "A client"). */
    abstract String who();

    abstract B self();

    /** The collectives; the first is the main one (default: mcollective). */
    public B collectives(List<String> value) {
        if (value.isEmpty()) {
            throw new McollectiveException(who() + " needs at least one collective");
        }
        this.collectives = List.copyOf(value);
        return self();
    }

    /** The psk security plugin's shared key. */
    public B psk(String value) {
        this.psk = Objects.requireNonNull(value, "psk");
        return self();
    }

    /** The plugin directory (default Debian's {@code /usr/share/mcollective/plugins}). */
    public B libdir(Path value) {
        this.libdir = Optional.of(value);
        return self();
    }

    /** No {@code libdir} line: a Java node or client then finds its DDLs and plugins on its class path only. */
    public B noLibdir() {
        this.libdir = Optional.empty();
        return self();
    }

    /** {@code loglevel}: debug, info, warn, error or fatal. */
    public B logLevel(String value) {
        this.logLevel = Objects.requireNonNull(value, "logLevel");
        return self();
    }

    /** Extra lines appended verbatim; a setting written again there overrides the one above it. */
    public B extra(List<String> value) {
        this.extra.addAll(value);
        return self();
    }

    String logLevel() {
        return logLevel;
    }

    List<String> extra() {
        return extra;
    }

    /** The lines a node and a client share, in order. */
    List<String> connectionLines() {
        List<String> lines = new ArrayList<>();
        lines.add("main_collective = " + collectives.get(0));
        lines.add("collectives = " + String.join(",", collectives));
        libdir.ifPresent(dir -> lines.add("libdir = " + dir));
        lines.addAll(List.of(
                "connector = activemq",
                "plugin.activemq.pool.size = 1",
                "plugin.activemq.pool.1.host = " + broker.host(),
                "plugin.activemq.pool.1.port = " + broker.port(),
                "plugin.activemq.pool.1.user = " + broker.user(),
                "plugin.activemq.pool.1.password = " + broker.password(),
                "plugin.activemq.initial_reconnect_delay = 0.1",
                "plugin.activemq.max_reconnect_delay = 2",
                "securityprovider = psk",
                "plugin.psk = " + psk));
        return lines;
    }
}
