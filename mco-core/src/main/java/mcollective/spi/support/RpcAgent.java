package mcollective.spi.support;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.ddl.Ddl;
import mcollective.ddl.DdlException;
import mcollective.ddl.DdlLoader;
import mcollective.ddl.DdlValidator;
import mcollective.logging.LogSafe;
import mcollective.protocol.Request;
import mcollective.protocol.codec.RubySymbol;
import mcollective.rpc.RpcException;
import mcollective.rpc.RpcReply;
import mcollective.rpc.RpcRequest;
import mcollective.rpc.RpcStatus;
import mcollective.spi.Agent;
import mcollective.spi.AuditOutcome;
import mcollective.spi.AuditProvider;
import mcollective.spi.AuditRecord;
import mcollective.spi.PluginContext;

/**
 * Base class of SimpleRPC agents. Port of {@code lib/mcollective/rpc/agent.rb}: subclasses register each action
 * explicitly in their constructor with {@code action("ping", this::ping)}; {@link #handle} reads the request with
 * {@link RpcRequest#fromRuby}, checks it, audits it when the node offers an {@link AuditProvider}, runs the action,
 * turns every exception into a status code in this one place and answers with {@link RpcReply#toRuby}.
 */
public abstract class RpcAgent implements Agent {
    private static final Logger LOG = LoggerFactory.getLogger(RpcAgent.class);

    /** One action's code: reads the request, fills the reply, throws {@link RpcException} to fail. */
    @FunctionalInterface
    public interface Action {
        void run(RpcRequest request, RpcReply reply);
    }

    private final Map<String, Action> actions = new LinkedHashMap<>();
    private Optional<Ddl> ddl = Optional.empty();
    private Optional<String> authorizedBy = Optional.empty();
    private RpcAuthorization authorization = RpcAuthorization.NONE;
    private Optional<AuditProvider> auditor = Optional.empty();
    private DdlValidator validator = new DdlValidator(name -> (value, v) -> {
        throw new DdlException("Unknown validator '" + v + "'");
    });

    /**
     * Loads this agent's DDL through the host's {@link DdlLoader} (a node offers one): its timeout,
     * input validation and output defaults then apply; and the host's {@link AuditProvider}, if it offers one
     * ({@code rpcaudit = 1}). Subclasses that override this call {@code super.init}.
     */
    @Override
    public void init(PluginContext context) {
        ddl = context.service(DdlLoader.class).flatMap(loader -> loader.find("agent", name()));
        auditor = context.service(AuditProvider.class);
        validator = DdlValidator.using(context);
        authorization = RpcAuthorization.of(context, authorizedBy);
    }

    /** The DDL's metadata; empty without a DDL. */
    @Override
    public Map<String, Object> meta() {
        return ddl.map(Ddl::metadata).orElse(Map.of());
    }

    /** The agent's DDL, when one was found. */
    protected final Optional<Ddl> ddl() {
        return ddl;
    }

    /** Registers an action; registering a name twice is an error. */
    protected final void action(String name, Action action) {
        if (actions.putIfAbsent(name, action) != null) {
            throw new McollectiveException("Action '" + name + "' is registered twice in agent "
                    + getClass().getName());
        }
    }

    /**
     * Ruby's {@code authorized_by :action_policy}: every request to this agent must pass the named
     * {@link mcollective.spi.AuthorizationProvider} first, even where {@code rpcauthorization} is off. Call it in the
     * constructor; {@code rpcauthorization = 1} overrides it with {@code rpcauthprovider}, as in Ruby.
     */
    protected final void authorizedBy(String provider) {
        authorizedBy = Optional.of(provider);
    }

    /** The DDL's {@code :timeout}; 10 seconds without a DDL. */
    @Override
    public Duration timeout() {
        return ddl.map(Ddl::timeout).orElse(Duration.ofSeconds(10));
    }

    /** The names of the registered actions, in registration order. */
    public final Set<String> actionNames() {
        return Collections.unmodifiableSet(actions.keySet());
    }

    @Override
    public final Optional<Object> handle(Request request) {
        RpcRequest rpc = RpcRequest.fromRuby(request);
        RpcReply reply = new RpcReply();
        try {
            Action action;
            try {
                ddl.ifPresent(d -> validate(d, rpc, reply));
                authorization.check(rpc);
                action = actions.get(rpc.action());
                if (action == null) {
                    throw RpcException.unknownAction(
                            String.format("Unknown action '%s' for agent '%s'", rpc.action(), name()));
                }
            } catch (RuntimeException e) {
                audit(request, rpc, refusal(e));
                throw e;
            }
            audit(request, rpc, AuditOutcome.ALLOWED);
            action.run(rpc, reply);
        } catch (RpcException e) {
            reply.fail(e.getMessage(), e.status());
        } catch (RuntimeException e) {
            LOG.error("{}#{} failed: {}", name(), LogSafe.of(rpc.action()), LogSafe.of(e), e);
            reply.fail(String.valueOf(e.getMessage()), RpcStatus.UNKNOWN_ERROR);
        }
        return rpc.processResults() ? Optional.of(reply.toRuby()) : Optional.empty();
    }

    /** What a check that threw before the action means for the audit: an authorization denial is statuscode 1. */
    private static AuditOutcome refusal(RuntimeException e) {
        if (e instanceof RpcException rpc) {
            return rpc.status() == RpcStatus.ABORTED ? AuditOutcome.DENIED : AuditOutcome.INVALID;
        }
        return AuditOutcome.ERROR;
    }

    /**
     * {@code rpc/agent.rb audit_request}: the provider's failure is logged and the request goes on. The data is the
     * body's as decoded, so an audit log shows Symbol and String keys as Ruby's does.
     */
    private void audit(Request request, RpcRequest rpc, AuditOutcome outcome) {
        if (auditor.isEmpty()) {
            return;
        }
        Optional<Object> data = Optional.empty();
        if (request.body() instanceof Map<?, ?> body) {
            data = Optional.ofNullable(
                    body.containsKey(RubySymbol.of("data")) ? body.get(RubySymbol.of("data")) : body.get("data"));
        }
        try {
            auditor.get()
                    .audit(new AuditRecord(
                            rpc.requestId(),
                            request.msgtime(),
                            rpc.caller(),
                            rpc.sender(),
                            name(),
                            rpc.action(),
                            data,
                            outcome));
        } catch (RuntimeException e) {
            LOG.warn("Audit failed - {} - continuing to process message", LogSafe.of(e.getMessage()));
        }
    }

    /**
     * {@code rpc/agent.rb}: reply data pre-filled with every declared output's default, then the request checked
     * against the DDL; a failure is statuscode 4 with the DDL's message.
     */
    private void validate(Ddl d, RpcRequest rpc, RpcReply reply) {
        d.action(rpc.action())
                .ifPresent(a -> a.outputs()
                        .forEach((name, output) ->
                                reply.put(name, output.defaultValue().orElse(null))));
        Map<String, Object> arguments = new LinkedHashMap<>(rpc.data());
        arguments.remove("process_results");
        try {
            validator.validate(d, rpc.action(), arguments);
        } catch (DdlException e) {
            throw RpcException.invalidData(e.getMessage());
        }
    }
}
