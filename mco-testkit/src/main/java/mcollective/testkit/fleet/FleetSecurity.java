package mcollective.testkit.fleet;

import java.nio.file.Path;
import java.util.List;

/**
 * The security plugin of a fleet's nodes and clients, named in {@link WithFleet#security()}: a class with a
 * no-argument constructor. Its lines are appended to every {@code server.cfg} and {@code client.cfg} after the psk
 * ones, so a {@code securityprovider} line there overrides {@code psk}. Key files it writes go under the fleet's
 * {@link Fleet#dir() directory}, which it is given; it is asked once per config, so it writes them once and keeps
 * their paths.
 */
public interface FleetSecurity {
    /** Extra lines of the node {@code identity}'s {@code server.cfg}. */
    List<String> serverLines(Path fleetDir, String identity);

    /** Extra lines of a client's {@code client.cfg} (the Java and the Ruby one). */
    List<String> clientLines(Path fleetDir);

    /** psk with the fleet's key: no extra lines. */
    final class Psk implements FleetSecurity {
        @Override
        public List<String> serverLines(Path fleetDir, String identity) {
            return List.of();
        }

        @Override
        public List<String> clientLines(Path fleetDir) {
            return List.of();
        }
    }
}
