package mcollective.rpc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import mcollective.MessageDecodeException;
import mcollective.protocol.Request;
import mcollective.protocol.codec.RubyString;
import mcollective.protocol.codec.RubySymbol;

/**
 * A SimpleRPC request, both directions. Port of {@code lib/mcollective/rpc/request.rb} (the node reads it) and of
 * {@code rpc/client.rb new_request} (the client writes it): the body {@code {:agent, :action, :caller, :data}}
 * travels inside the security envelope, which carries the sender, the request id and the callerid an action sees.
 * {@code data} keys are plain names whether the wire used Symbols or Strings.
 */
public record RpcRequest(
        String agent, String action, String caller, String sender, String requestId, Map<String, Object> data) {

    public RpcRequest {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(requestId, "requestId");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /**
     * Reads the SimpleRPC body of a decoded request: {@code :action} and {@code :data} under Symbol or String keys,
     * the agent, sender, request id and caller from the envelope. A body that is not a Hash is refused.
     */
    public static RpcRequest fromRuby(Request message) {
        if (!(message.body() instanceof Map<?, ?> body)) {
            throw new MessageDecodeException("SimpleRPC request body for agent " + message.agent() + " is not a Hash");
        }
        Object action = RubyKeys.lookup(body, "action");
        return new RpcRequest(
                message.agent(),
                action instanceof RubyString s ? s.text() : String.valueOf(action),
                message.callerId(),
                message.senderId(),
                message.requestId(),
                RubyKeys.plain(RubyKeys.lookup(body, "data")));
    }

    /** This request's body as a Ruby client writes it; the envelope fields are not part of it. */
    public Map<Object, Object> toRuby() {
        return toRuby(agent, action, caller, data);
    }

    /**
     * The body a client sends before any envelope exists: {@code {:agent, :action, :caller, :data}} with Symbol keys
     * and the action an ASCII String, byte for byte as Ruby's {@code new_request} builds it.
     *
     * @param data the inputs, {@code process_results} included, in the order they go on the wire
     */
    public static Map<Object, Object> toRuby(String agent, String action, String caller, Map<String, ?> data) {
        Map<Object, Object> body = new LinkedHashMap<>();
        body.put(RubySymbol.of("agent"), agent);
        body.put(RubySymbol.of("action"), RubyString.ascii(action));
        body.put(RubySymbol.of("caller"), caller);
        body.put(RubySymbol.of("data"), RubyKeys.symbols(data));
        return body;
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
