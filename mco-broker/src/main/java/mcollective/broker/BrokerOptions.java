package mcollective.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything an {@link EmbeddedBroker.Builder} collected; immutable. Durations are whole seconds or more;
 * {@code idleTimeout} zero means an authenticated connection without heart-beats may stay silent for ever. TLS comes
 * either from store files or from PEM files ({@code pemTls}), which are turned into store files when the broker
 * starts.
 */
record BrokerOptions(
        String host,
        int port,
        List<BrokerUser> users,
        FrameLimits frameLimits,
        long maxAddressBytes,
        long maxMemoryBytes,
        int maxConnections,
        Duration connectTimeout,
        Duration idleTimeout,
        Duration writeTimeout,
        Optional<Path> dataDir,
        Optional<Store> keyStore,
        Optional<Store> trustStore,
        Optional<PemTls> pemTls) {

    BrokerOptions {
        users = List.copyOf(users);
    }

    /** A key or trust store file and its password. */
    record Store(Path path, String password) {}

    /** These options with TLS from these store files. */
    BrokerOptions withStores(Store key, Optional<Store> trust) {
        return new BrokerOptions(
                host,
                port,
                users,
                frameLimits,
                maxAddressBytes,
                maxMemoryBytes,
                maxConnections,
                connectTimeout,
                idleTimeout,
                writeTimeout,
                dataDir,
                Optional.of(key),
                trust,
                Optional.empty());
    }

    /** Whether the acceptor speaks TLS. */
    boolean tls() {
        return keyStore.isPresent() || pemTls.isPresent();
    }
}
