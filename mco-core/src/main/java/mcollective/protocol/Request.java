package mcollective.protocol;

import java.util.Objects;

/**
 * A request as the security layer sees it once decoded, independent of any security plugin's envelope
 * (reference/PROTOCOL.md §6.1). {@code body} is the decoded inner message: the String {@code "ping"} for the legacy
 * discovery agent, a Symbol-keyed Map for SimpleRPC.
 *
 * <p>Port of the request side of {@code lib/mcollective/message.rb}.
 */
public record Request(
        String requestId,
        String senderId,
        String callerId,
        String agent,
        String collective,
        Filter filter,
        int ttl,
        long msgtime,
        Object body) {

    public Request {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(collective, "collective");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(body, "body");
    }

    /** The same request with another filter (direct addressing replaces the filter by an agent-only one). */
    public Request withFilter(Filter newFilter) {
        return new Request(requestId, senderId, callerId, agent, collective, newFilter, ttl, msgtime, body);
    }
}
