package mcollective.client;

import java.util.LinkedHashMap;
import java.util.Map;

import mcollective.protocol.Reply;
import mcollective.protocol.codec.RubySymbol;
import mcollective.rpc.RpcStatus;

/**
 * One node's answer to a SimpleRPC request, as a value. Port of {@code lib/mcollective/rpc/result.rb}: data keys are
 * plain output names whether the node sent Symbols or Strings.
 */
public record RpcResult(
        String agent,
        String action,
        String sender,
        RpcStatus status,
        long statuscode,
        String statusmsg,
        Map<String, Object> data) {

    public RpcResult {
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public boolean ok() {
        return statuscode == 0;
    }

    /** Reads a reply body {@code {:statuscode, :statusmsg, :data}}; a malformed body is an unknown error. */
    static RpcResult from(String agent, String action, Reply reply) {
        if (!(reply.body() instanceof Map<?, ?> body)) {
            return new RpcResult(
                    agent,
                    action,
                    reply.senderId(),
                    RpcStatus.UNKNOWN_ERROR,
                    5,
                    "Malformed reply: " + reply.body(),
                    Map.of());
        }
        Object code = lookup(body, "statuscode");
        long statuscode = code instanceof Number n ? n.longValue() : 5;
        Object msg = lookup(body, "statusmsg");
        Map<String, Object> data = new LinkedHashMap<>();
        if (lookup(body, "data") instanceof Map<?, ?> raw) {
            raw.forEach((k, v) -> data.put(k instanceof RubySymbol s ? s.name() : String.valueOf(k), v));
        }
        return new RpcResult(
                agent,
                action,
                reply.senderId(),
                RpcStatus.of(statuscode),
                statuscode,
                msg == null ? "" : String.valueOf(msg),
                data);
    }

    private static Object lookup(Map<?, ?> body, String key) {
        Object value = body.get(RubySymbol.of(key));
        return value != null ? value : body.get(key);
    }

    /** The JSON form of {@code mco rpc -j}: agent, action, sender, statuscode, statusmsg, data. */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("agent", agent);
        map.put("action", action);
        map.put("sender", sender);
        map.put("statuscode", statuscode);
        map.put("statusmsg", statusmsg);
        map.put("data", data);
        return map;
    }
}
