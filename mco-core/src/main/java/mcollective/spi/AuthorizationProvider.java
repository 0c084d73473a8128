package mcollective.spi;

/**
 * Decides whether a SimpleRPC request may run on this node, before its action does. Port of the contract of
 * {@code authorized_by} in {@code lib/mcollective/rpc/agent.rb}: Ruby calls {@code MCollective::Util::<Provider>
 * .authorize(request)}, which raises {@code RPCAborted} to refuse; here the provider answers with an
 * {@link AuthorizationDecision} and the agent base ({@code spi.support.RpcAgent}) turns a denial into MCollective's
 * reply, statuscode 1 and {@value AuthorizationDecision#DENIED}.
 *
 * <p>Selected by {@code rpcauthprovider} (Ruby's spelling, {@code action_policy}) when {@code rpcauthorization} is on;
 * {@link #name()} is that spelling. One instance serves one agent, created when the agent is.
 *
 * <p>Implementations must be thread-safe: a node's worker threads call {@link #authorize} concurrently. They must fail
 * closed: whatever they cannot read or understand (a missing or malformed policy, a failing data function) is a
 * denial, never an exception and never an allow.
 */
public interface AuthorizationProvider extends Plugin {

    /**
     * @param request the request after its DDL validation, before its action and its audit; never null
     * @param node    the local node: identity, facts, classes and data plugins as they are now; never null
     * @return the decision; never null
     */
    AuthorizationDecision authorize(AuthorizationRequest request, NodeInfo node);
}
