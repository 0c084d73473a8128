package mcollective.spi;

/**
 * Records who asked a node for what, selected by {@code rpcaudit = 1} and {@code rpcauditprovider = <name>}. Port of
 * the contract of {@code lib/mcollective/rpc/audit.rb} ({@code audit_request(request, connection)}).
 *
 * <p>A node creates one provider at start-up and offers it to its SimpleRPC agents, which call {@link #audit} once
 * per request, before the action runs (as Ruby does) or when the request is refused before it could run (Ruby
 * audits neither a denied nor an invalid request); {@link AuditRecord#outcome()} says which.
 *
 * <p>Threading: called on the node's worker threads, possibly for several requests at once. A provider that throws
 * does not stop the request: the agent logs {@code Audit failed - <message> - continuing to process message}, as
 * Ruby does, and runs it.
 */
public interface AuditProvider extends Plugin {

    /** Records one request. Must be thread-safe; should not block for long (the request waits for it). */
    void audit(AuditRecord record);
}
