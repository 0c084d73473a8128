package mcollective.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import mcollective.protocol.Reply;
import mcollective.rpc.RpcReply;
import mcollective.rpc.RpcStatus;

/**
 * One node's answer to a SimpleRPC request, as a value. Port of {@code lib/mcollective/rpc/result.rb}: the reply
 * body as {@link RpcReply#fromRuby} reads it, with the agent, action and sender; data keys are plain output names
 * whether the node sent Symbols or Strings.
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
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public boolean ok() {
        return statuscode == 0;
    }

    /** Reads a reply body {@code {:statuscode, :statusmsg, :data}}; a malformed body is an unknown error. */
    static RpcResult from(String agent, String action, Reply reply) {
        RpcReply body = RpcReply.fromRuby(reply.body());
        return new RpcResult(
                agent, action, reply.senderId(), body.status(), body.statuscode(), body.statusMessage(), body.data());
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
