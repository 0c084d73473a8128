package mcollective.spi;

import java.util.Objects;

/**
 * A logical subscription, turned into a destination by the connector ({@code make_target} in Ruby).
 *
 * @param type       what is subscribed to
 * @param agent      the agent, for {@link Type#BROADCAST}; empty otherwise
 * @param collective the collective
 * @param sequence   the client's request sequence, for {@link Type#REPLY}; 0 otherwise
 */
public record Subscription(Type type, String agent, String collective, long sequence) {

    public enum Type {
        /** An agent's broadcast topic, subscribed by nodes. */
        BROADCAST,
        /** The node's directed queue, with a selector on the node identity. */
        DIRECTED,
        /** A client's reply queue for one request sequence. */
        REPLY
    }

    public Subscription {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(collective, "collective");
    }

    public static Subscription broadcast(String agent, String collective) {
        return new Subscription(Type.BROADCAST, agent, collective, 0);
    }

    public static Subscription directed(String collective) {
        return new Subscription(Type.DIRECTED, "", collective, 0);
    }

    public static Subscription reply(String collective, long sequence) {
        return new Subscription(Type.REPLY, "", collective, sequence);
    }
}
