package mcollective.plugins.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;
import mcollective.plugins.agent.RpcutilAgent;
import mcollective.protocol.Filter;
import mcollective.protocol.Request;
import mcollective.rpc.RpcReply;
import mcollective.rpc.RpcRequest;
import mcollective.rpc.RpcStatus;
import mcollective.spi.Agent;
import mcollective.spi.AuthorizationProvider;
import mcollective.spi.NodeInfo;
import mcollective.spi.PluginContext;

/** {@code rpcauthorization = 1} alone puts every agent behind action_policy, default deny, as a node runs it. */
class ActionPolicyAgentTest {
    @TempDir
    Path configdir;

    Agent rpcutil() {
        Config config = Config.builder()
                .environment(Map.of())
                .configFile(configdir.resolve("server.cfg"))
                .set("rpcauthorization", "1")
                .build();
        PluginRegistry registry = PluginRegistry.builder()
                .autoDiscover(false)
                .add(AuthorizationProvider.class, ActionPolicyAuthorizationProvider::new)
                .add(Agent.class, RpcutilAgent::new)
                .build();
        NodeInfo node = PolicyNode.of(Map.of("customer", "acme"), List.of());
        return registry.create(
                Agent.class,
                "rpcutil",
                new PluginContext(config, "node", registry, Clock.systemUTC(), Map.of(), Map.of(NodeInfo.class, node)));
    }

    static RpcReply call(Agent agent, String caller, String action) {
        Map<Object, Object> body = RpcRequest.toRuby("rpcutil", action, caller, Map.of());
        Request request = new Request(
                "0123", "client.example.net", caller, "rpcutil", "mcollective", Filter.empty(), 60, 0, body);
        @SuppressWarnings("unchecked")
        Map<Object, Object> reply = (Map<Object, Object>) agent.handle(request).orElseThrow();
        return RpcReply.fromRuby(reply);
    }

    @Test
    void shouldDenyEveryAgentWithoutAPolicy() {
        RpcReply reply = call(rpcutil(), "uid=500", "ping");

        assertThat(reply.status()).isEqualTo(RpcStatus.ABORTED);
        assertThat(reply.statusMessage()).isEqualTo("You are not authorized to call this agent or action.");
    }

    @Test
    void shouldRunWhatThePolicyAllows() throws IOException {
        Files.createDirectories(configdir.resolve("policies"));
        Files.writeString(
                configdir.resolve("policies/rpcutil.policy"),
                "policy default deny\nallow\tuid=500\tping\tcustomer=acme\t*\n");
        Agent agent = rpcutil();

        assertThat(call(agent, "uid=500", "ping").status()).isEqualTo(RpcStatus.OK);
        assertThat(call(agent, "uid=500", "inventory").status()).isEqualTo(RpcStatus.ABORTED);
        assertThat(call(agent, "uid=5000", "ping").status()).isEqualTo(RpcStatus.ABORTED);
    }
}
