package mcollective.spi;

/**
 * Which side of the collective the host process is: a node ({@code mcollectived}) or a client ({@code mco} or a
 * program using the client library). Offered as a {@link PluginContext#service service}; security providers read it
 * to choose their keys (ssl signs a node's own requests, such as registration, with the server key, a client's with
 * the client key), as Ruby's security plugins read {@code initiated_by}.
 */
public enum Role {
    NODE,
    CLIENT
}
