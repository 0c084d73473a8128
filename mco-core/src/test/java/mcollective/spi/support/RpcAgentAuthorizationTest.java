package mcollective.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import mcollective.UnknownPluginException;
import mcollective.config.Config;
import mcollective.config.ConfigBuilder;
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.Filter;
import mcollective.protocol.Request;
import mcollective.rpc.RpcReply;
import mcollective.rpc.RpcRequest;
import mcollective.rpc.RpcStatus;
import mcollective.spi.Agent;
import mcollective.spi.AuthorizationDecision;
import mcollective.spi.AuthorizationProvider;
import mcollective.spi.AuthorizationRequest;
import mcollective.spi.DataPlugin;
import mcollective.spi.NodeInfo;
import mcollective.spi.PluginContext;

/** The authorization step of rpc/agent.rb {@code handlemsg}: after validation, before the action. */
class RpcAgentAuthorizationTest {
    static final List<AuthorizationRequest> SEEN = new CopyOnWriteArrayList<>();

    /** Denies uid=501, allows everyone else; records what it was asked. */
    public static final class OnlyNot501 implements AuthorizationProvider {
        @Override
        public String name() {
            return "action_policy";
        }

        @Override
        public AuthorizationDecision authorize(AuthorizationRequest request, NodeInfo node) {
            SEEN.add(request);
            return request.callerId().equals("uid=501")
                    ? AuthorizationDecision.deny("uid=501 is not welcome on " + node.identity())
                    : AuthorizationDecision.allow();
        }
    }

    /** An echo agent; given a provider, it hard-wires it, as {@code authorized_by :action_policy} does in Ruby. */
    static final class Echo extends RpcAgent {
        Echo(String... provider) {
            action("echo", (request, reply) -> reply.put("message", request.require("message")));
            for (String p : provider) {
                authorizedBy(p);
            }
        }

        @Override
        public String name() {
            return "echo";
        }
    }

    /** A node as agents see it, every part given. */
    record Node(
            String identity,
            Map<String, Object> facts,
            List<String> classes,
            List<String> agents,
            List<String> agentNames,
            Map<String, Object> stats,
            Map<String, DataPlugin> dataPlugins,
            Map<String, Agent> agentsByName)
            implements NodeInfo {}

    static final NodeInfo NODE = new Node(
            "node1.example.net", Map.of(), List.of(), List.of("echo"), List.of("echo"), Map.of(), Map.of(), Map.of());

    static <A extends RpcAgent> A init(A agent, ConfigBuilder config) {
        PluginRegistry registry = PluginRegistry.builder()
                .autoDiscover(false)
                .add(AuthorizationProvider.class, OnlyNot501::new)
                .build();
        Config built = config.environment(Map.of()).build();
        agent.init(
                new PluginContext(built, "echo", registry, Clock.systemUTC(), Map.of(), Map.of(NodeInfo.class, NODE)));
        return agent;
    }

    static RpcReply call(RpcAgent agent, String caller) {
        Map<Object, Object> body = RpcRequest.toRuby("echo", "echo", caller, Map.of("message", "hi"));
        Request request =
                new Request("0123", "client.example.net", caller, "echo", "mcollective", Filter.empty(), 60, 0, body);
        return RpcReply.fromRuby(RpcAgentTest.handle(agent, request));
    }

    @Test
    void shouldRefuseADeniedCallerWithStatusOneAndMcollectivesMessage() {
        Echo agent = init(new Echo(), Config.builder().set("rpcauthorization", "1"));

        RpcReply denied = call(agent, "uid=501");

        assertThat(denied.status()).isEqualTo(RpcStatus.ABORTED);
        assertThat(denied.statuscode()).isEqualTo(1L);
        assertThat(denied.statusMessage()).isEqualTo("You are not authorized to call this agent or action.");
        assertThat(denied.data()).doesNotContainKey("message");
    }

    @Test
    void shouldRunTheActionForAnAllowedCallerAndHandTheProviderTheRequest() {
        SEEN.clear();
        Echo agent = init(new Echo(), Config.builder().set("rpcauthorization", "1"));

        RpcReply allowed = call(agent, "uid=500");

        assertThat(allowed.status()).isEqualTo(RpcStatus.OK);
        assertThat(allowed.data()).containsEntry("message", "hi");
        assertThat(SEEN).singleElement().satisfies(r -> {
            assertThat(r.agent()).isEqualTo("echo");
            assertThat(r.action()).isEqualTo("echo");
            assertThat(r.callerId()).isEqualTo("uid=500");
            assertThat(r.senderId()).isEqualTo("client.example.net");
            assertThat(r.data()).containsEntry("message", "hi");
        });
    }

    @Test
    void shouldNotAuthorizeWhenRpcauthorizationIsOff() {
        Echo agent = init(new Echo(), Config.builder());

        assertThat(call(agent, "uid=501").status()).isEqualTo(RpcStatus.OK);
    }

    @Test
    void shouldAuthorizeAnAgentThatNamesItsProviderEvenWithRpcauthorizationOff() {
        Echo agent = init(new Echo("action_policy"), Config.builder());

        assertThat(call(agent, "uid=501").status()).isEqualTo(RpcStatus.ABORTED);
        assertThat(call(agent, "uid=500").status()).isEqualTo(RpcStatus.OK);
    }

    @Test
    void shouldLetTheConfiguredProviderOverrideTheAgentsOwnAsRubyDoes() {
        Echo agent = init(
                new Echo("nosuch"),
                Config.builder().set("rpcauthorization", "1").set("rpcauthprovider", "action_policy"));

        assertThat(call(agent, "uid=501").status()).isEqualTo(RpcStatus.ABORTED);
    }

    @Test
    void shouldStopStartUpNamingAnUnknownProviderAndTheAvailableOnes() {
        assertThatThrownBy(() -> init(
                        new Echo(),
                        Config.builder().set("rpcauthorization", "1").set("rpcauthprovider", "ldap_policy")))
                .isInstanceOf(UnknownPluginException.class)
                .hasMessage("No authorization plugin 'ldap_policy'; available: [action_policy]");
    }

    @Test
    void shouldDenyWhenTheHostOffersNoNodeInventory() {
        Echo agent = new Echo();
        PluginRegistry registry = PluginRegistry.builder()
                .autoDiscover(false)
                .add(AuthorizationProvider.class, OnlyNot501::new)
                .build();
        Config config = Config.builder()
                .set("rpcauthorization", "1")
                .environment(Map.of())
                .build();
        agent.init(new PluginContext(config, "echo", registry, Clock.systemUTC(), Map.of(), Map.of()));

        assertThat(call(agent, "uid=500").status()).isEqualTo(RpcStatus.ABORTED);
    }
}
