package mcollective.spi;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import mcollective.protocol.Request;

/**
 * A node-side agent: one broadcast topic per collective, named {@link #name()}. Port of the contract shared by
 * {@code lib/mcollective/agent/discovery.rb} (legacy, non-RPC) and {@code lib/mcollective/rpc/agent.rb}
 * (SimpleRPC agents extend {@link mcollective.spi.support.RpcAgent}).
 *
 * <p>Threading: {@link #handle} is called on the node's worker threads, possibly for several requests at once;
 * it is interrupted when it runs past {@link #timeout()}.
 */
public interface Agent extends Plugin {

    /** How long one request may run before the node gives up on it and sends no reply. */
    Duration timeout();

    /**
     * Handles a request that passed security, TTL and filter checks. Returns the reply body, or empty when no reply
     * is to be sent (fire-and-forget). Must not throw for bad request data: SimpleRPC agents turn that into a
     * statuscode; an exception that still escapes is logged and counted by the node, and no reply is sent.
     */
    Optional<Object> handle(Request request);

    /**
     * What {@code rpcutil agent_inventory} reports: {@code license}, {@code timeout}, {@code description},
     * {@code name}, {@code url}, {@code version}, {@code author} (a SimpleRPC agent's DDL metadata). Keys missing here
     * are reported as {@code "unknown"}.
     */
    default Map<String, Object> meta() {
        return Map.of();
    }

    /**
     * Whether a node activates this agent without being told to. Agents that act on the host beyond reporting (the
     * chef agent signals processes and runs init scripts) answer false and need {@code plugin.<name>.activate_agent
     * = 1}; MCollective had no such notion because an agent was active once its file was installed, while here every
     * bundled agent is installed.
     */
    default boolean activeByDefault() {
        return true;
    }
}
