package mcollective.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything an {@link EmbeddedBroker.Builder} collected; immutable. Durations are whole seconds or more;
 * {@code idleTimeout} zero means an authenticated connection without heart-beats may stay silent for ever.
 */
record BrokerOptions(
        String host,
        int port,
        String user,
        String password,
        FrameLimits frameLimits,
        long maxAddressBytes,
        long maxMemoryBytes,
        int maxConnections,
        Duration connectTimeout,
        Duration idleTimeout,
        Duration writeTimeout,
        Optional<Path> dataDir,
        Optional<Store> keyStore,
        Optional<Store> trustStore) {

    /** A key or trust store file and its password. */
    record Store(Path path, String password) {}
}
