package mcollective.spi.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.protocol.Request;
import mcollective.protocol.codec.RubySymbol;
import mcollective.rpc.RpcException;
import mcollective.rpc.RpcReply;
import mcollective.rpc.RpcRequest;
import mcollective.rpc.RpcStatus;
import mcollective.spi.Agent;

/**
 * Base class of SimpleRPC agents. Port of {@code lib/mcollective/rpc/agent.rb}: subclasses register each action
 * explicitly in their constructor with {@code action("ping", this::ping)}; {@link #handle} decodes the request
 * body, runs the action and turns every exception into a status code in this one place.
 */
public abstract class RpcAgent implements Agent {
    private static final Logger LOG = LoggerFactory.getLogger(RpcAgent.class);

    /** One action's code: reads the request, fills the reply, throws {@link RpcException} to fail. */
    @FunctionalInterface
    public interface Action {
        void run(RpcRequest request, RpcReply reply);
    }

    private final Map<String, Action> actions = new LinkedHashMap<>();

    /** Registers an action; registering a name twice is an error. */
    protected final void action(String name, Action action) {
        if (actions.putIfAbsent(name, action) != null) {
            throw new McollectiveException("Action '" + name + "' is registered twice in agent " + getClass().getName());
        }
    }

    /** The DDL timeout; 10 seconds unless the agent says otherwise. */
    @Override
    public Duration timeout() {
        return Duration.ofSeconds(10);
    }

    /** The names of the registered actions, in registration order. */
    public final java.util.Set<String> actionNames() {
        return java.util.Collections.unmodifiableSet(actions.keySet());
    }

    @Override
    public final Optional<Object> handle(Request request) {
        RpcRequest rpc = toRpcRequest(request);
        RpcReply reply = new RpcReply();
        try {
            Action action = actions.get(rpc.action());
            if (action == null) {
                throw RpcException.unknownAction(
                        String.format("Unknown action '%s' for agent '%s'", rpc.action(), name()));
            }
            action.run(rpc, reply);
        } catch (RpcException e) {
            reply.fail(e.getMessage(), e.status());
        } catch (RuntimeException e) {
            LOG.error("{}#{} failed: {}", name(), rpc.action(), e.toString(), e);
            reply.fail(String.valueOf(e.getMessage()), RpcStatus.UNKNOWN_ERROR);
        }
        return rpc.processResults() ? Optional.of(toRuby(reply)) : Optional.empty();
    }

    private RpcRequest toRpcRequest(Request request) {
        if (!(request.body() instanceof Map<?, ?> body)) {
            throw new mcollective.MessageDecodeException(
                    "SimpleRPC request body for agent " + name() + " is not a Hash");
        }
        Object action = lookup(body, "action");
        Map<String, Object> data = new LinkedHashMap<>();
        if (lookup(body, "data") instanceof Map<?, ?> raw) {
            raw.forEach((k, v) -> data.put(keyName(k), v));
        }
        return new RpcRequest(name(), action instanceof String s ? s : String.valueOf(action),
                request.callerId(), request.senderId(), request.requestId(), data);
    }

    /** Ruby nodes accept both Symbol and String keys in the RPC body (PROTOCOL.md §6.4). */
    private static Object lookup(Map<?, ?> body, String key) {
        Object value = body.get(RubySymbol.of(key));
        return value != null ? value : body.get(key);
    }

    private static String keyName(Object key) {
        return key instanceof RubySymbol s ? s.name() : String.valueOf(key);
    }

    /** The wire form {@code {:statuscode, :statusmsg, :data}} with Symbol data keys. */
    public static Map<Object, Object> toRuby(RpcReply reply) {
        Map<Object, Object> data = new LinkedHashMap<>();
        reply.data().forEach((k, v) -> data.put(RubySymbol.of(k), v));
        Map<Object, Object> body = new LinkedHashMap<>();
        body.put(RubySymbol.of("statuscode"), (long) reply.status().code());
        body.put(RubySymbol.of("statusmsg"), reply.statusMessage());
        body.put(RubySymbol.of("data"), data);
        return body;
    }
}
