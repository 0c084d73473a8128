package mcollective.rpc;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A SimpleRPC request as an action sees it. Port of {@code lib/mcollective/rpc/request.rb}: {@code data} keys are
 * plain names whether the wire used Symbols or Strings.
 */
public record RpcRequest(
        String agent, String action, String caller, String sender, String requestId, Map<String, Object> data) {

    public RpcRequest {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(requestId, "requestId");
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }

    /** An input, if given and not nil. */
    public Optional<Object> get(String key) {
        return Optional.ofNullable(data.get(key));
    }

    /** A required input; a missing one is statuscode 3 with Ruby's message. */
    public Object require(String key) {
        return get(key).orElseThrow(
                        () -> RpcException.missingData(String.format("Action %s needs a %s argument", action, key)));
    }

    /** Whether the caller wants a reply ({@code :process_results}, default true). */
    public boolean processResults() {
        return !Boolean.FALSE.equals(data.get("process_results"));
    }
}
