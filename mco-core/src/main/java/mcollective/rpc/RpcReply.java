package mcollective.rpc;

import java.util.LinkedHashMap;
import java.util.Map;

import mcollective.protocol.codec.RubySymbol;

/**
 * A SimpleRPC reply, both directions. Port of {@code lib/mcollective/rpc/reply.rb}: the node's action fills in data
 * keyed by output name (pre-filled by the agent), a status code and message, and {@link #toRuby} writes the body
 * {@code {:statuscode, :statusmsg, :data}}; the client reads one back with {@link #fromRuby}. Not thread-safe; one
 * action, or one reader, owns it.
 */
public final class RpcReply {
    private final Map<String, Object> data = new LinkedHashMap<>();
    private RpcStatus status = RpcStatus.OK;
    private long statuscode;
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
        this.statuscode = code.code();
    }

    /** Records a failure and stops the action ({@code reply.fail!}). */
    public void failAndThrow(String message, RpcStatus code) {
        fail(message, code);
        throw new RpcException(code, message);
    }

    public RpcStatus status() {
        return status;
    }

    /** The status code as sent: the {@link #status}'s, or whatever number a peer wrote. */
    public long statuscode() {
        return statuscode;
    }

    public String statusMessage() {
        return statusMessage;
    }

    /** The wire form {@code {:statuscode, :statusmsg, :data}} with Symbol data keys. */
    public Map<Object, Object> toRuby() {
        Map<Object, Object> body = new LinkedHashMap<>();
        body.put(RubySymbol.of("statuscode"), statuscode);
        body.put(RubySymbol.of("statusmsg"), statusMessage);
        body.put(RubySymbol.of("data"), RubyKeys.symbols(data));
        return body;
    }

    /**
     * Reads a reply body under Symbol or String keys. A code that is not a number is 5, an unknown number keeps its
     * value with the status {@link RpcStatus#UNKNOWN_ERROR}, a missing message is "", and a body that is not a Hash
     * is an unknown error whose message shows it.
     */
    public static RpcReply fromRuby(Object body) {
        RpcReply reply = new RpcReply();
        if (!(body instanceof Map<?, ?> hash)) {
            reply.fail("Malformed reply: " + body, RpcStatus.UNKNOWN_ERROR);
            return reply;
        }
        Object code = RubyKeys.lookup(hash, "statuscode");
        Object message = RubyKeys.lookup(hash, "statusmsg");
        reply.statuscode = code instanceof Number n ? n.longValue() : RpcStatus.UNKNOWN_ERROR.code();
        reply.status = RpcStatus.of(reply.statuscode);
        reply.statusMessage = message == null ? "" : String.valueOf(message);
        reply.data.putAll(RubyKeys.plain(RubyKeys.lookup(hash, "data")));
        return reply;
    }
}
