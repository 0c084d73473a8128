package mcollective.spi.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.logging.LogSafe;
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
    private java.util.Optional<mcollective.ddl.Ddl> ddl = java.util.Optional.empty();
    private mcollective.ddl.DdlValidator validator = new mcollective.ddl.DdlValidator(name -> (value, v) -> {
        throw new mcollective.ddl.DdlException("Unknown validator '" + v + "'");
    });

    /**
     * Loads this agent's DDL through the host's {@link mcollective.ddl.DdlLoader} (a node offers one): its timeout,
     * input validation and output defaults then apply. Subclasses that override this call {@code super.init}.
     */
    @Override
    public void init(mcollective.spi.PluginContext context) {
        ddl = context.service(mcollective.ddl.DdlLoader.class).flatMap(loader -> loader.find("agent", name()));
        validator = mcollective.ddl.DdlValidator.using(context);
    }

    /** The DDL's metadata; empty without a DDL. */
    @Override
    public Map<String, Object> meta() {
        return ddl.map(mcollective.ddl.Ddl::metadata).orElse(Map.of());
    }

    /** The agent's DDL, when one was found. */
    protected final java.util.Optional<mcollective.ddl.Ddl> ddl() {
        return ddl;
    }

    /** Registers an action; registering a name twice is an error. */
    protected final void action(String name, Action action) {
        if (actions.putIfAbsent(name, action) != null) {
            throw new McollectiveException("Action '" + name + "' is registered twice in agent "
                    + getClass().getName());
        }
    }

    /** The DDL's {@code :timeout}; 10 seconds without a DDL. */
    @Override
    public Duration timeout() {
        return ddl.map(mcollective.ddl.Ddl::timeout).orElse(Duration.ofSeconds(10));
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
            ddl.ifPresent(d -> validate(d, rpc, reply));
            Action action = actions.get(rpc.action());
            if (action == null) {
                throw RpcException.unknownAction(
                        String.format("Unknown action '%s' for agent '%s'", rpc.action(), name()));
            }
            action.run(rpc, reply);
        } catch (RpcException e) {
            reply.fail(e.getMessage(), e.status());
        } catch (RuntimeException e) {
            LOG.error("{}#{} failed: {}", name(), LogSafe.of(rpc.action()), LogSafe.of(e), e);
            reply.fail(String.valueOf(e.getMessage()), RpcStatus.UNKNOWN_ERROR);
        }
        return rpc.processResults() ? Optional.of(toRuby(reply)) : Optional.empty();
    }

    /**
     * {@code rpc/agent.rb}: reply data pre-filled with every declared output's default, then the request checked
     * against the DDL; a failure is statuscode 4 with the DDL's message.
     */
    private void validate(mcollective.ddl.Ddl d, RpcRequest rpc, RpcReply reply) {
        d.action(rpc.action())
                .ifPresent(a -> a.outputs()
                        .forEach((name, output) ->
                                reply.put(name, output.defaultValue().orElse(null))));
        Map<String, Object> arguments = new LinkedHashMap<>(rpc.data());
        arguments.remove("process_results");
        try {
            validator.validate(d, rpc.action(), arguments);
        } catch (mcollective.ddl.DdlException e) {
            throw RpcException.invalidData(e.getMessage());
        }
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
        return new RpcRequest(
                name(),
                action instanceof String s ? s : String.valueOf(action),
                request.callerId(),
                request.senderId(),
                request.requestId(),
                data);
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
