package mcollective.testkit;

import java.nio.file.Path;
import java.util.List;

/** The config lines a node and a client share: collectives, connector, broker pool, security and libdir. */
final class Connection {
    private Connection() {}

    static List<String> lines(BrokerAddress broker, List<String> collectives, String psk, Path libdir) {
        return List.of(
                "main_collective = " + collectives.get(0),
                "collectives = " + String.join(",", collectives),
                "libdir = " + libdir,
                "connector = activemq",
                "plugin.activemq.pool.size = 1",
                "plugin.activemq.pool.1.host = " + broker.host(),
                "plugin.activemq.pool.1.port = " + broker.port(),
                "plugin.activemq.pool.1.user = " + broker.user(),
                "plugin.activemq.pool.1.password = " + broker.password(),
                "plugin.activemq.initial_reconnect_delay = 0.1",
                "plugin.activemq.max_reconnect_delay = 2",
                "securityprovider = psk",
                "plugin.psk = " + psk);
    }
}
