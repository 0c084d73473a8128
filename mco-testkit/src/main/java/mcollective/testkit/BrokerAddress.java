package mcollective.testkit;

import java.util.Objects;

import mcollective.McollectiveException;

/**
 * Where a test fleet's STOMP broker listens and the login every node and client uses: the
 * {@code plugin.activemq.pool.1.*} lines of their configs.
 *
 * @param host     broker host, not null
 * @param port     broker STOMP port, 1-65535
 * @param user     login, not null
 * @param password password, not null
 */
public record BrokerAddress(String host, int port, String user, String password) {
    /** Validates the fields. */
    public BrokerAddress {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (port <= 0 || port > 65535) {
            throw new McollectiveException("Broker port " + port + " is not between 1 and 65535");
        }
    }

    /** A broker on 127.0.0.1 at {@code port}. */
    public static BrokerAddress local(int port, String user, String password) {
        return new BrokerAddress("127.0.0.1", port, user, password);
    }
}
