package mcollective.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes MCollective {@code server.cfg}/{@code client.cfg} text for a test fleet on one broker: the same format
 * Ruby and Java nodes read, so one writer serves both.
 *
 * @param port        the broker's STOMP port on 127.0.0.1
 * @param user        broker user
 * @param password    broker password
 * @param psk         the pre-shared key
 * @param collectives every collective; the first is the main one
 */
public record FleetConfig(int port, String user, String password, String psk, List<String> collectives) {

    /** The lines every config shares: collectives, connector pool and security. */
    public List<String> common(List<String> nodeCollectives) {
        return new ArrayList<>(List.of(
                "main_collective = " + nodeCollectives.get(0),
                "collectives = " + String.join(",", nodeCollectives),
                "connector = activemq",
                "plugin.activemq.pool.size = 1",
                "plugin.activemq.pool.1.host = 127.0.0.1",
                "plugin.activemq.pool.1.port = " + port,
                "plugin.activemq.pool.1.user = " + user,
                "plugin.activemq.pool.1.password = " + password,
                "plugin.activemq.initial_reconnect_delay = 0.1",
                "plugin.activemq.max_reconnect_delay = 2",
                "securityprovider = psk",
                "plugin.psk = " + psk));
    }

    /**
     * Writes a node's server.cfg, facts.yaml and classes.txt into {@code dir} and returns the config's path.
     * Facts are written as YAML strings.
     */
    public Path writeServer(Path dir, String identity, Map<String, String> facts, List<String> classes,
            List<String> nodeCollectives, List<String> extraLines) {
        List<String> lines = common(nodeCollectives);
        lines.addAll(List.of(
                "identity = " + identity,
                "libdir = " + RubyEnvironment.PLUGINS,
                "factsource = yaml",
                "plugin.yaml = " + dir.resolve("facts.yaml"),
                "classesfile = " + dir.resolve("classes.txt"),
                "logger_type = file",
                "logfile = " + dir.resolve("node.log"),
                "loglevel = debug",
                "daemonize = 0"));
        lines.addAll(extraLines);
        StringBuilder yaml = new StringBuilder("---\n");
        facts.forEach((k, v) -> yaml.append(k).append(": \"").append(v).append("\"\n"));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("facts.yaml"), yaml);
            Files.write(dir.resolve("classes.txt"), classes);
            Files.write(dir.resolve("server.cfg"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve("server.cfg");
    }

    /** Writes a client.cfg (console logging at warn, no colour) and returns its path. */
    public Path writeClient(Path file, List<String> extraLines) {
        List<String> lines = common(collectives);
        lines.addAll(List.of("libdir = " + RubyEnvironment.PLUGINS, "logger_type = console", "loglevel = warn",
                "color = 0"));
        lines.addAll(extraLines);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
