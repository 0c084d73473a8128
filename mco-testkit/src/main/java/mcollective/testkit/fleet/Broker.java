package mcollective.testkit.fleet;

/** Which broker a {@link Fleet} runs for its nodes and clients. */
public enum Broker {
    /**
     * mco-broker's embedded STOMP broker on an ephemeral 127.0.0.1 port, with the login {@link Fleet#USER} /
     * {@link Fleet#PASSWORD}: started with the fleet, stopped after it.
     */
    EMBEDDED,
    /**
     * None: the fleet only reserves a free 127.0.0.1 port and points its configs at it, for a node that brings its
     * own broker ({@code plugin.broker.embedded = 1} on that port) or for clients that must find nobody there.
     */
    NONE
}
