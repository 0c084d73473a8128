package mcollective.rpc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reply an action fills in. Port of {@code lib/mcollective/rpc/reply.rb}: data keyed by output name,
 * pre-filled by the agent, a status code and message. Not thread-safe; one action owns it.
 */
public final class RpcReply {
    private final Map<String, Object> data = new LinkedHashMap<>();
    private RpcStatus status = RpcStatus.OK;
    private String statusMessage = "OK";

    public void put(String key, Object value) {
        data.put(key, value);
    }

    public Object get(String key) {
        return data.get(key);
    }

    public Map<String, Object> data() {
        return data;
    }

    /** Records a failure without stopping the action ({@code reply.fail}). */
    public void fail(String message, RpcStatus code) {
        this.statusMessage = message;
        this.status = code;
    }

    /** Records a failure and stops the action ({@code reply.fail!}). */
    public void failAndThrow(String message, RpcStatus code) {
        fail(message, code);
        throw new RpcException(code, message);
    }

    public RpcStatus status() {
        return status;
    }

    public String statusMessage() {
        return statusMessage;
    }
}
