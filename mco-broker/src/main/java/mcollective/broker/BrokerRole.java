package mcollective.broker;

import java.util.Locale;

import mcollective.McollectiveException;

/**
 * What a broker login may do, after the roles of MCollective's ActiveMQ security guide (see {@link
 * DestinationPolicy} for the destinations each may read and write).
 */
public enum BrokerRole {
    /** An {@code mcollectived}: reads requests, writes replies and registration messages. */
    NODE,
    /** An {@code mco} user: writes requests, reads only its own reply queues. */
    CLIENT,
    /** Everything, including Artemis' management and notification addresses. */
    ADMIN;

    /** The role named {@code value} ({@code node}, {@code client} or {@code admin}); {@code origin} names the key. */
    public static BrokerRole parse(String value, String origin) {
        for (BrokerRole role : values()) {
            if (role.configName().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new McollectiveException(origin + " = " + value + ": not a broker role (node, client or admin)");
    }

    /** The name used in configuration files. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
