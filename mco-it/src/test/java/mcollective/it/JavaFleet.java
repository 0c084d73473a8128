package mcollective.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import mcollective.broker.EmbeddedBroker;
import mcollective.config.Config;
import mcollective.config.ConfigBuilder;
import mcollective.plugin.PluginRegistry;
import mcollective.server.Node;

/**
 * An embedded broker on an ephemeral 127.0.0.1 port plus Java nodes running in this JVM, each with its own facts
 * and classes files, and a client.cfg pointing at the broker. Closing it stops everything.
 */
final class JavaFleet implements AutoCloseable {
    static final String USER = "mcollective";
    static final String PASSWORD = "marionette";
    static final String PSK = "fleet-shared-psk";

    private final Path dir;
    private final UnaryOperator<EmbeddedBroker.Builder> brokerTuning;
    private EmbeddedBroker broker;
    private int port;
    private final Map<String, Node> nodes = new LinkedHashMap<>();

    JavaFleet(Path dir) {
        this(dir, UnaryOperator.identity());
    }

    /** A fleet whose broker is built with these extra settings (limits, timeouts). */
    JavaFleet(Path dir, UnaryOperator<EmbeddedBroker.Builder> brokerTuning) {
        this.dir = dir;
        this.brokerTuning = brokerTuning;
        startBroker(0);
    }

    /** Starts (or restarts) the broker; port 0 picks a free one, otherwise the given port is reused. */
    void startBroker(int wantedPort) {
        broker = brokerTuning
                .apply(EmbeddedBroker.builder()
                        .host("127.0.0.1")
                        .port(wantedPort)
                        .user(USER)
                        .password(PASSWORD))
                .build();
        broker.start();
        port = broker.port();
    }

    void stopBroker() {
        broker.stop();
    }

    int port() {
        return port;
    }

    Path dir() {
        return dir;
    }

    /** Starts a node with these facts, classes and collectives (the first collective is the main one). */
    Node startNode(String identity, Map<String, String> facts, List<String> classes, List<String> collectives) {
        return startNode(identity, facts, classes, collectives, Map.of());
    }

    /** {@link #startNode(String, Map, List, List)} with more server settings, such as an agent's plugin keys. */
    Node startNode(
            String identity,
            Map<String, String> facts,
            List<String> classes,
            List<String> collectives,
            Map<String, String> settings) {
        Path nodeDir = dir.resolve(identity);
        try {
            Files.createDirectories(nodeDir);
            StringBuilder yaml = new StringBuilder("---\n");
            facts.forEach((k, v) -> yaml.append(k).append(": ").append(v).append('\n'));
            Files.writeString(nodeDir.resolve("facts.yaml"), yaml);
            Files.write(nodeDir.resolve("classes.txt"), classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConfigBuilder config = baseConfig(collectives)
                .set("identity", identity)
                .set("factsource", "yaml")
                .set("plugin.yaml", nodeDir.resolve("facts.yaml").toString())
                .set("classesfile", nodeDir.resolve("classes.txt").toString());
        settings.forEach(config::set);
        Node node = new Node(config.build(), PluginRegistry.discover());
        node.start();
        nodes.put(identity, node);
        return node;
    }

    Node node(String identity) {
        return nodes.get(identity);
    }

    /** The usual three nodes of the reference fleet. */
    JavaFleet startStandardNodes() {
        startNode(
                "node1.example.net",
                Map.of("platform", "centos", "chef_environment", "prod"),
                List.of("role.base", "role.database"),
                List.of("mcollective"));
        startNode(
                "node2.example.net",
                Map.of("platform", "ubuntu", "chef_environment", "dev"),
                List.of("role.base", "role.web"),
                List.of("mcollective"));
        startNode(
                "node3.example.net",
                Map.of("platform", "centos", "chef_environment", "dev"),
                List.of("role.base", "role.database"),
                List.of("mcollective", "eu_collective"));
        return this;
    }

    ConfigBuilder baseConfig(List<String> collectives) {
        return Config.builder()
                .set("collectives", String.join(",", collectives))
                .set("main_collective", collectives.get(0))
                .set("connector", "activemq")
                .set("plugin.activemq.pool.size", "1")
                .set("plugin.activemq.pool.1.host", "127.0.0.1")
                .set("plugin.activemq.pool.1.port", Integer.toString(port))
                .set("plugin.activemq.pool.1.user", USER)
                .set("plugin.activemq.pool.1.password", PASSWORD)
                .set("plugin.activemq.initial_reconnect_delay", "0.05")
                .set("plugin.activemq.max_reconnect_delay", "1")
                .set("securityprovider", "psk")
                .set("plugin.psk", PSK)
                .environment(Map.of());
    }

    /** Writes a client.cfg for this fleet and returns its path. */
    Path clientConfig(String name, String... extraLines) {
        List<String> lines = new ArrayList<>(List.of(
                "main_collective = mcollective",
                "collectives = mcollective,eu_collective",
                "connector = activemq",
                "plugin.activemq.pool.size = 1",
                "plugin.activemq.pool.1.host = 127.0.0.1",
                "plugin.activemq.pool.1.port = " + port,
                "plugin.activemq.pool.1.user = " + USER,
                "plugin.activemq.pool.1.password = " + PASSWORD,
                "securityprovider = psk",
                "plugin.psk = " + PSK,
                "logger_type = console",
                "loglevel = warn",
                "color = 0"));
        lines.addAll(List.of(extraLines));
        Path file = dir.resolve(name);
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        nodes.values().forEach(Node::stop);
        broker.stop();
    }
}
