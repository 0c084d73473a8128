package mcollective.spi.support;

import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.config.Config;
import mcollective.logging.LogSafe;
import mcollective.rpc.RpcException;
import mcollective.rpc.RpcRequest;
import mcollective.spi.AuthorizationDecision;
import mcollective.spi.AuthorizationProvider;
import mcollective.spi.AuthorizationRequest;
import mcollective.spi.NodeInfo;
import mcollective.spi.PluginContext;

/**
 * The authorization step of {@link RpcAgent}: port of {@code authorization_hook} and {@code authorized_by} in
 * {@code rpc/agent.rb}. Which provider, if any, guards an agent:
 * <ul>
 * <li>{@code rpcauthorization = 1}: the {@code rpcauthprovider}, for every agent, also one that names its own (Ruby's
 * {@code initialize} runs {@code authorized_by} after the class body did). Where {@code rpcauthprovider} is unset
 * this port takes {@code action_policy}, so the one line turns on default-deny authorization (Ruby fails to load
 * the agent instead);</li>
 * <li>otherwise the provider the agent names with {@link RpcAgent#authorizedBy};</li>
 * <li>otherwise none: every request runs.</li>
 * </ul>
 * A denial is {@code RPCAborted}: statuscode 1 with {@value AuthorizationDecision#DENIED}. A provider that throws, or
 * a node that offers no inventory, denies too. Thread-safe.
 */
final class RpcAuthorization {
    private static final Logger LOG = LoggerFactory.getLogger(RpcAuthorization.class);
    /** The provider {@code rpcauthorization = 1} uses when {@code rpcauthprovider} names none. */
    static final String DEFAULT_PROVIDER = "action_policy";

    static final RpcAuthorization NONE = new RpcAuthorization(null, Optional.empty());

    private final AuthorizationProvider provider;
    private final Optional<NodeInfo> node;

    private RpcAuthorization(AuthorizationProvider provider, Optional<NodeInfo> node) {
        this.provider = provider;
        this.node = node;
    }

    /**
     * @param context      the agent's context
     * @param authorizedBy the provider the agent names itself, if any
     * @throws mcollective.UnknownPluginException if the selected provider does not exist, listing those that do
     */
    static RpcAuthorization of(PluginContext context, Optional<String> authorizedBy) {
        Config config = context.config();
        Optional<String> name = config.rpcauthorization()
                ? Optional.of(config.rpcauthprovider().orElse(DEFAULT_PROVIDER))
                : authorizedBy;
        return name.map(n -> new RpcAuthorization(
                        context.registry().create(AuthorizationProvider.class, n, context),
                        context.service(NodeInfo.class)))
                .orElse(NONE);
    }

    /** Returns if the request may run; throws statuscode 1 with MCollective's message if not. */
    void check(RpcRequest rpc) {
        if (provider == null) {
            return;
        }
        AuthorizationDecision decision = decide(rpc);
        if (!decision.allowed()) {
            LOG.debug(
                    "Denying {}#{} for {}: {}",
                    LogSafe.of(rpc.agent()),
                    LogSafe.of(rpc.action()),
                    LogSafe.of(rpc.caller()),
                    LogSafe.of(decision.denial().orElse("")));
            throw RpcException.aborted(AuthorizationDecision.DENIED);
        }
    }

    private AuthorizationDecision decide(RpcRequest rpc) {
        if (node.isEmpty()) {
            return AuthorizationDecision.deny("this host offers no node inventory to authorize against");
        }
        try {
            return Objects.requireNonNull(
                    provider.authorize(
                            new AuthorizationRequest(rpc.agent(), rpc.action(), rpc.caller(), rpc.sender(), rpc.data()),
                            node.get()),
                    "decision");
        } catch (RuntimeException e) {
            LOG.warn("Authorization plugin {} failed, denying the request: {}", provider.name(), LogSafe.of(e));
            return AuthorizationDecision.deny("authorization plugin " + provider.name() + " failed: " + e);
        }
    }
}
