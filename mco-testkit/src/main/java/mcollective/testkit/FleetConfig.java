package mcollective.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code server.cfg}/{@code client.cfg} text for a test fleet on one broker on 127.0.0.1: a compact front
 * for {@link ServerCfg} and {@link ClientCfg}, kept for the integration suites that use it.
 *
 * @param port        the broker's STOMP port on 127.0.0.1
 * @param user        broker user
 * @param password    broker password
 * @param psk         the pre-shared key
 * @param collectives every collective; the first is the main one
 */
public record FleetConfig(int port, String user, String password, String psk, List<String> collectives) {

    /** The broker these configs point at. */
    public BrokerAddress broker() {
        return BrokerAddress.local(port, user, password);
    }

    /** The lines every config shares: collectives, libdir, connector pool and security. */
    public List<String> common(List<String> nodeCollectives) {
        return new ArrayList<>(Connection.lines(broker(), nodeCollectives, psk, RubyEnvironment.PLUGINS));
    }

    /**
     * Writes a node's server.cfg (debug log to {@code node.log}), facts.yaml and classes.txt into {@code dir} and
     * returns the config's path.
     */
    public Path writeServer(
            Path dir,
            String identity,
            Map<String, String> facts,
            List<String> classes,
            List<String> nodeCollectives,
            List<String> extraLines) {
        FleetDir files = FleetDir.at(dir);
        ServerCfg config = ServerCfg.builder(identity, broker())
                .collectives(nodeCollectives)
                .psk(psk)
                .factsFile(files.writeFacts(dir.resolve("facts.yaml"), facts))
                .classesFile(files.writeClasses(dir.resolve("classes.txt"), classes))
                .logFile(dir.resolve("node.log"))
                .logLevel("debug")
                .extra(extraLines)
                .build();
        return files.writeServer(dir.resolve("server.cfg"), config);
    }

    /** Writes a client.cfg (console logging at warn, no colour) and returns its path. */
    public Path writeClient(Path file, List<String> extraLines) {
        ClientCfg config = ClientCfg.builder(broker())
                .collectives(collectives)
                .psk(psk)
                .extra(extraLines)
                .build();
        return FleetDir.at(file.toAbsolutePath().getParent())
                .writeClient(file.getFileName().toString(), config);
    }
}
