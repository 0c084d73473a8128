package mcollective.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.McollectiveException;
import mcollective.MessageDecodeException;
import mcollective.config.Config;
import mcollective.ddl.DdlLoader;
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.Filter;
import mcollective.protocol.Request;
import mcollective.protocol.codec.RubySymbol;
import mcollective.rpc.RpcException;
import mcollective.rpc.RpcReply;
import mcollective.rpc.RpcRequest;
import mcollective.rpc.RpcStatus;
import mcollective.spi.PluginContext;

/** The agent base: a request body in, one action run, every outcome a reply body out (rpc/agent.rb). */
class RpcAgentTest {

    /** An agent whose actions answer, fail in each way, or throw. */
    static final class EchoAgent extends RpcAgent {
        EchoAgent() {
            action("echo", this::echo);
            action("abort", (request, reply) -> {
                throw RpcException.aborted("aborted on purpose");
            });
            action("crash", (request, reply) -> {
                throw new IllegalStateException("boom");
            });
            action("soft_fail", (request, reply) -> {
                reply.put("partial", true);
                reply.fail("only half done", RpcStatus.ABORTED);
            });
        }

        private void echo(RpcRequest request, RpcReply reply) {
            reply.put("message", request.require("message"));
            reply.put("sender", request.sender());
            reply.put("caller", request.caller());
        }

        @Override
        public String name() {
            return "echo";
        }
    }

    static Request request(String action, Map<String, Object> data) {
        return request(RpcRequest.toRuby("echo", action, "uid=500", data));
    }

    static Request request(Object body) {
        return new Request("0123", "client.example.net", "uid=500", "echo", "mcollective", Filter.empty(), 60, 0, body);
    }

    @SuppressWarnings("unchecked")
    static Map<Object, Object> handle(RpcAgent agent, Request request) {
        return (Map<Object, Object>) agent.handle(request).orElseThrow();
    }

    static RpcReply reply(RpcAgent agent, Request request) {
        return RpcReply.fromRuby(handle(agent, request));
    }

    @Nested
    class Handle {
        final EchoAgent agent = new EchoAgent();

        @Test
        void shouldAnswerWithSymbolKeysAndTheEnvelopesSenderAndCaller() {
            Map<Object, Object> body = handle(agent, request("echo", Map.of("message", "hello")));

            assertThat(body.get(RubySymbol.of("statuscode"))).isEqualTo(0L);
            assertThat(body.get(RubySymbol.of("statusmsg"))).isEqualTo("OK");
            assertThat(body.get(RubySymbol.of("data")))
                    .asInstanceOf(InstanceOfAssertFactories.map(Object.class, Object.class))
                    .containsExactly(
                            Map.entry(RubySymbol.of("message"), "hello"),
                            Map.entry(RubySymbol.of("sender"), "client.example.net"),
                            Map.entry(RubySymbol.of("caller"), "uid=500"));
        }

        @Test
        void shouldAnswerAnUnknownActionWithStatusTwo() {
            RpcReply reply = reply(agent, request("nosuch", Map.of()));

            assertThat(reply.status()).isEqualTo(RpcStatus.UNKNOWN_ACTION);
            assertThat(reply.statusMessage()).isEqualTo("Unknown action 'nosuch' for agent 'echo'");
        }

        @Test
        void shouldAnswerAMissingInputWithStatusThree() {
            RpcReply reply = reply(agent, request("echo", Map.of()));

            assertThat(reply.status()).isEqualTo(RpcStatus.MISSING_DATA);
            assertThat(reply.statusMessage()).isEqualTo("Action echo needs a message argument");
        }

        @Test
        void shouldAnswerAThrownRpcExceptionWithItsStatus() {
            RpcReply reply = reply(agent, request("abort", Map.of()));

            assertThat(reply.statuscode()).isEqualTo(1);
            assertThat(reply.statusMessage()).isEqualTo("aborted on purpose");
        }

        @Test
        void shouldAnswerAnyOtherExceptionWithStatusFiveAndItsMessage() {
            RpcReply reply = reply(agent, request("crash", Map.of()));

            assertThat(reply.status()).isEqualTo(RpcStatus.UNKNOWN_ERROR);
            assertThat(reply.statusMessage()).isEqualTo("boom");
        }

        @Test
        void shouldKeepTheDataOfAFailureThatDidNotStopTheAction() {
            RpcReply reply = reply(agent, request("soft_fail", Map.of()));

            assertThat(reply.status()).isEqualTo(RpcStatus.ABORTED);
            assertThat(reply.data()).containsEntry("partial", true);
        }

        @Test
        void shouldNotAnswerWhenNoResultsAreWanted() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("message", "hello");
            data.put("process_results", false);

            assertThat(agent.handle(request("echo", data))).isEmpty();
        }

        @Test
        void shouldReadAStringKeyedBody() {
            Map<Object, Object> body = new LinkedHashMap<>();
            body.put("action", "echo");
            body.put("data", Map.of("message", "strings"));

            assertThat(reply(agent, request(body)).data()).containsEntry("message", "strings");
        }

        @Test
        void shouldRefuseABodyThatIsNotAHash() {
            assertThatThrownBy(() -> agent.handle(request("ping")))
                    .isInstanceOf(MessageDecodeException.class)
                    .hasMessage("SimpleRPC request body for agent echo is not a Hash");
        }
    }

    @Nested
    class Registration {
        @Test
        void shouldListTheActionsInRegistrationOrder() {
            assertThat(new EchoAgent().actionNames()).containsExactly("echo", "abort", "crash", "soft_fail");
        }

        @Test
        void shouldRefuseAnActionRegisteredTwice() {
            assertThatThrownBy(() -> new RpcAgent() {
                        {
                            action("ping", (request, reply) -> {});
                            action("ping", (request, reply) -> {});
                        }

                        @Override
                        public String name() {
                            return "twice";
                        }
                    })
                    .isInstanceOf(McollectiveException.class)
                    .hasMessageStartingWith("Action 'ping' is registered twice in agent ");
        }

        @Test
        void shouldWaitTenSecondsAndHaveNoMetadataWithoutADdl() {
            EchoAgent agent = new EchoAgent();

            assertThat(agent.timeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(agent.meta()).isEmpty();
            assertThat(agent.ddl()).isEmpty();
        }
    }

    @Nested
    class WithADdl {
        @TempDir
        Path libdir;

        EchoAgent agent() throws IOException {
            Path ddl = libdir.resolve("mcollective/agent/echo.ddl");
            Files.createDirectories(ddl.getParent());
            Files.writeString(ddl, """
                    metadata :name => "echo", :description => "Echoes", :author => "a", :license => "ASL 2.0",
                             :version => "1.0", :url => "https://example.net/", :timeout => 42

                    action "echo", :description => "Echo a message" do
                        input :message,
                              :prompt      => "Message",
                              :description => "What to echo",
                              :type        => :string,
                              :validation  => '^[a-z]+$',
                              :optional    => false,
                              :maxlength   => 20

                        output :message, :description => "The message", :display_as => "Message"
                        output :extra, :description => "Not set by the action", :display_as => "Extra",
                               :default => "unset"
                    end
                    """);
            Config config = Config.builder().environment(Map.of()).build();
            EchoAgent agent = new EchoAgent();
            agent.init(new PluginContext(
                    config,
                    "echo",
                    PluginRegistry.builder().autoDiscover(false).build(),
                    Clock.systemUTC(),
                    Map.of(),
                    Map.of(DdlLoader.class, new DdlLoader(List.of(libdir)))));
            return agent;
        }

        @Test
        void shouldTakeTheTimeoutAndMetadataFromTheDdl() throws IOException {
            EchoAgent agent = agent();

            assertThat(agent.timeout()).isEqualTo(Duration.ofSeconds(42));
            assertThat(agent.meta()).containsEntry("description", "Echoes");
        }

        @Test
        void shouldPrefillEveryDeclaredOutputsDefault() throws IOException {
            RpcReply reply = reply(agent(), request("echo", Map.of("message", "hello")));

            assertThat(reply.data()).containsEntry("extra", "unset").containsEntry("message", "hello");
        }

        @Test
        void shouldAnswerAnInputTheDdlRefusesWithStatusFour() throws IOException {
            RpcReply reply = reply(agent(), request("echo", Map.of("message", "NOT LOWER")));

            assertThat(reply.status()).isEqualTo(RpcStatus.INVALID_DATA);
            assertThat(reply.statusMessage()).contains("message");
            assertThat(reply.data()).doesNotContainKey("sender");
        }

        @Test
        void shouldNotRunTheActionWithoutARequiredInput() throws IOException {
            RpcReply reply = reply(agent(), request("echo", Map.of()));

            assertThat(reply.status()).isEqualTo(RpcStatus.INVALID_DATA);
            assertThat(reply.data()).containsEntry("message", null);
        }
    }
}
