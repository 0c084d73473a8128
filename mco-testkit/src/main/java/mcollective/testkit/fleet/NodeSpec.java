package mcollective.testkit.fleet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import mcollective.McollectiveException;
import mcollective.testkit.BrokerAddress;
import mcollective.testkit.FleetDir;
import mcollective.testkit.ServerCfg;

/**
 * A node a {@link Fleet} is to start: identity, {@link NodeKind}, facts, classes, collectives and extra
 * {@code server.cfg} lines; the fleet adds the broker, psk and file locations. Every node gets a directory named
 * after its identity in the fleet's directory, with its {@code server.cfg}, {@code facts.yaml} and
 * {@code classes.txt} (unless files of the test's are named instead) and, for processes, its logs. Not
 * thread-safe; setters reject null and return this.
 */
public final class NodeSpec {
    private final String identity;
    private final NodeKind kind;
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final List<String> classes = new ArrayList<>();
    private List<String> collectives = List.of("mcollective");
    private final List<String> settings = new ArrayList<>();
    private Optional<Path> factsFile = Optional.empty();
    private Optional<Path> classesFile = Optional.empty();
    private Optional<Path> libdir = Optional.empty();
    private Optional<String> readyLine = Optional.empty();

    private NodeSpec(String identity, NodeKind kind) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** A node of this kind. */
    public static NodeSpec of(NodeKind kind, String identity) {
        return new NodeSpec(identity, kind);
    }

    /** A Java node in the test JVM. */
    public static NodeSpec java(String identity) {
        return of(NodeKind.JAVA, identity);
    }

    /** A Java node run by {@code bin/mcollectived}. */
    public static NodeSpec daemon(String identity) {
        return of(NodeKind.JAVA_DAEMON, identity);
    }

    /** A Ruby {@code mcollectived}. */
    public static NodeSpec ruby(String identity) {
        return of(NodeKind.RUBY, identity);
    }

    /** The node an annotation declares. */
    static NodeSpec of(FleetNode node) {
        NodeSpec spec = of(node.kind(), node.value())
                .classes(node.classes())
                .collectives(node.collectives())
                .settings(node.settings());
        for (String fact : node.facts()) {
            int equals = fact.indexOf('=');
            if (equals < 1) {
                throw new McollectiveException(
                        "Fact '" + fact + "' of node " + node.value() + " is not written as name=value");
            }
            spec.fact(fact.substring(0, equals), fact.substring(equals + 1));
        }
        return spec;
    }

    /** Adds a fact. */
    public NodeSpec fact(String name, String value) {
        facts.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Adds facts. */
    public NodeSpec facts(Map<String, String> values) {
        values.forEach(this::fact);
        return this;
    }

    /** Adds classes. */
    public NodeSpec classes(String... values) {
        classes.addAll(Arrays.asList(values));
        return this;
    }

    /** The collectives (default: mcollective); the first is the main one. */
    public NodeSpec collectives(String... values) {
        if (values.length == 0) {
            throw new McollectiveException("Node " + identity + " needs at least one collective");
        }
        collectives = List.of(values);
        return this;
    }

    /** Adds {@code server.cfg} lines ({@code key = value}); one written again overrides the fleet's. */
    public NodeSpec settings(String... lines) {
        settings.addAll(Arrays.asList(lines));
        return this;
    }

    /** Adds the line {@code key = value}. */
    public NodeSpec setting(String key, String value) {
        return settings(key + " = " + value);
    }

    /** Reads its yaml facts from this file instead of one the fleet writes. */
    public NodeSpec factsFile(Path file) {
        factsFile = Optional.of(file);
        return this;
    }

    /** Reads its classes from this file instead of one the fleet writes. */
    public NodeSpec classesFile(Path file) {
        classesFile = Optional.of(file);
        return this;
    }

    /**
     * Its {@code libdir}. By default a Java node's is the empty {@code lib} of its directory, a Ruby node's
     * Debian's plugin directory.
     */
    public NodeSpec libdir(Path dir) {
        libdir = Optional.of(dir);
        return this;
    }

    /**
     * For a {@link NodeKind#JAVA_DAEMON}: the text in its {@code node.log} that says it is ready, instead of
     * {@code started: identity <identity>} (for a daemon that is not to reach its broker).
     */
    public NodeSpec readyWhenLogged(String text) {
        readyLine = Optional.of(text);
        return this;
    }

    public String identity() {
        return identity;
    }

    public NodeKind kind() {
        return kind;
    }

    /**
     * The node's {@code server.cfg} for {@code broker} and {@code psk}, its files in {@code dir}: the facts and
     * classes files the fleet writes there unless the test named its own, a Java node's empty {@code lib}, and a
     * daemon's {@code node.log}. The fleet's {@code security} lines come before the node's own settings, which
     * can override them.
     */
    ServerCfg.Builder serverConfig(FleetDir files, BrokerAddress broker, String psk, List<String> security) {
        Path dir = files.nodeDir(identity);
        ServerCfg.Builder config = ServerCfg.builder(identity, broker)
                .collectives(collectives)
                .psk(psk)
                .factsFile(factsFile.orElseGet(() -> files.writeFacts(dir.resolve("facts.yaml"), facts)))
                .classesFile(classesFile.orElseGet(() -> files.writeClasses(dir.resolve("classes.txt"), classes)))
                .extra(security)
                .extra(settings);
        if (kind == NodeKind.RUBY) {
            libdir.ifPresent(config::libdir);
        } else {
            config.libdir(libdir.orElseGet(() -> files.nodeDir(identity + "/lib")));
        }
        if (kind == NodeKind.JAVA_DAEMON) {
            config.logFile(dir.resolve("node.log"));
        }
        return config;
    }

    /** The text in a daemon's {@code node.log} that says it is ready. */
    String readyLine() {
        return readyLine.orElse("started: identity " + identity);
    }
}
