package mcollective.plugins.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import mcollective.MessageDecodeException;
import mcollective.SecurityValidationFailedException;
import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.FactFilter;
import mcollective.protocol.Filter;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.protocol.codec.MarshalOptions;
import mcollective.protocol.codec.RubyMarshal;
import mcollective.protocol.codec.RubySymbol;
import mcollective.spi.PluginContext;
import mcollective.testdata.Reference;

/** The psk plugin against the golden frames captured from Ruby MCollective 2.12.5 (psk {@code fleet-shared-psk}). */
class PskSecurityProviderTest {
    static final Path FRAMES = Reference.path("frames");

    static PskSecurityProvider provider(String psk, Map<String, String> env, String... settings) {
        var builder = Config.builder()
                .set("identity", "mcoclient.example.net")
                .set("plugin.psk", psk)
                .environment(Map.of());
        for (int i = 0; i < settings.length; i += 2) {
            builder.set(settings[i], settings[i + 1]);
        }
        Config config = builder.build();
        PskSecurityProvider provider = new PskSecurityProvider();
        provider.init(new PluginContext(
                config, "psk", PluginRegistry.builder().autoDiscover(false).build(), Clock.systemUTC(), env, Map.of()));
        return provider;
    }

    static final PskSecurityProvider FLEET = provider("fleet-shared-psk", Map.of());

    static Stream<Path> requests() throws IOException {
        return frames("psk-request-");
    }

    static Stream<Path> replies() throws IOException {
        return frames("psk-reply-");
    }

    private static Stream<Path> frames(String prefix) throws IOException {
        List<Path> files = Files.list(FRAMES)
                .filter(p -> p.getFileName().toString().startsWith(prefix)
                        && p.toString().endsWith(".bin"))
                .sorted()
                .toList();
        assertThat(files).as("golden frames under " + FRAMES).isNotEmpty();
        return files.stream();
    }

    @Nested
    class GoldenFrames {
        @ParameterizedTest
        @MethodSource("mcollective.plugins.security.PskSecurityProviderTest#requests")
        void shouldVerifyAndDecodeEveryRubyRequest(Path frame) throws IOException {
            Request request = FLEET.decodeRequest(Files.readAllBytes(frame));

            assertThat(request.requestId()).matches("[0-9a-f]{32}");
            assertThat(request.senderId()).isNotEmpty();
            assertThat(request.callerId()).isEqualTo("uid=0");
            assertThat(request.ttl()).isEqualTo(60);
            assertThat(request.msgtime()).isGreaterThan(1_700_000_000L);
        }

        @ParameterizedTest
        @MethodSource("mcollective.plugins.security.PskSecurityProviderTest#replies")
        void shouldVerifyAndDecodeEveryRubyReply(Path frame) throws IOException {
            Reply reply = FLEET.decodeReply(Files.readAllBytes(frame));

            assertThat(reply.senderId()).endsWith(".example.net");
            assertThat(reply.senderAgent()).isIn("discovery", "rpcutil");
        }

        @ParameterizedTest
        @MethodSource("mcollective.plugins.security.PskSecurityProviderTest#requests")
        void shouldReEncodeADecodedRequestToRubysExactBytes(Path frame) throws IOException {
            byte[] ruby = Files.readAllBytes(frame);
            Request request = FLEET.decodeRequest(ruby);
            // The inner body is re-encoded from Ruby's own bytes: what we compare is the envelope.
            Request same = new Request(
                    request.requestId(),
                    request.senderId(),
                    request.callerId(),
                    request.agent(),
                    request.collective(),
                    request.filter(),
                    request.ttl(),
                    request.msgtime(),
                    RubyMarshal.load(innerBody(ruby), MarshalOptions.preserving()));

            assertThat(FLEET.encodeRequest(same)).isEqualTo(ruby);
        }

        @Test
        void shouldDecodeTheDiscoveryPingAsRubyWroteIt() throws IOException {
            Request ping = FLEET.decodeRequest(Files.readAllBytes(FRAMES.resolve("psk-request-discovery-ping.bin")));

            assertThat(ping.body()).isEqualTo("ping");
            assertThat(ping.agent()).isEqualTo("discovery");
            assertThat(ping.collective()).isEqualTo("mcollective");
            assertThat(ping.filter().matchesAllNodes()).isTrue();
        }

        @Test
        void shouldDecodeTheFactFilterOfMcoFind() throws IOException {
            Request find = FLEET.decodeRequest(
                    Files.readAllBytes(FRAMES.resolve("psk-request-discovery-ping-fact-filter.bin")));

            assertThat(find.filter().fact()).containsExactly(new FactFilter("platform", "==", "centos"));
            assertThat(find.filter().agent()).containsExactly("rpcutil");
            assertThat(find.filter().collective()).contains("mcollective");
        }

        @Test
        void shouldDecodeTheRpcBodyWithSymbolKeys() throws IOException {
            Request rpc = FLEET.decodeRequest(Files.readAllBytes(FRAMES.resolve("psk-request-rpcutil-ping.bin")));

            assertThat(rpc.body()).isInstanceOfSatisfying(Map.class, body -> {
                assertThat(body.get(RubySymbol.of("action"))).isEqualTo("ping");
                assertThat(body.get(RubySymbol.of("agent"))).isEqualTo("rpcutil");
            });
        }
    }

    @Nested
    class Validation {
        @Test
        void shouldRejectARequestSignedWithAnotherKey() throws IOException {
            byte[] ruby = Files.readAllBytes(FRAMES.resolve("psk-request-discovery-ping.bin"));

            assertThatThrownBy(() -> provider("another-psk", Map.of()).decodeRequest(ruby))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessage("Received an invalid signature in message");
        }

        @Test
        void shouldPreferTheEnvironmentPsk() throws IOException {
            byte[] ruby = Files.readAllBytes(FRAMES.resolve("psk-request-discovery-ping.bin"));
            PskSecurityProvider fromEnv = provider("wrong", Map.of("MCOLLECTIVE_PSK", "fleet-shared-psk"));

            assertThat(fromEnv.decodeRequest(ruby).body()).isEqualTo("ping");
        }

        @Test
        void shouldRejectAPayloadThatIsNotAHash() {
            byte[] array = RubyMarshal.dump(List.of("x"));

            assertThatThrownBy(() -> FLEET.decodeRequest(array))
                    .isInstanceOf(MessageDecodeException.class)
                    .hasMessageContaining("not a Hash");
        }

        @Test
        void shouldRoundTripItsOwnRequests() {
            Request request = new Request(
                    "0123456789abcdef0123456789abcdef",
                    "me",
                    "uid=1",
                    "rpcutil",
                    "mcollective",
                    Filter.builder().addAgent("rpcutil").build(),
                    60,
                    1_795_583_759L,
                    "ping");

            Request back = FLEET.decodeRequest(FLEET.encodeRequest(request));

            assertThat(back).isEqualTo(request);
        }
    }

    @Nested
    class CallerIds {
        @Test
        void shouldFollowTheCallerType() {
            assertThat(provider("k", Map.of()).callerId()).matches("uid=\\d+");
            assertThat(provider("k", Map.of(), "plugin.psk.callertype", "gid").callerId())
                    .matches("gid=\\d+");
            assertThat(provider("k", Map.of(), "plugin.psk.callertype", "identity")
                            .callerId())
                    .isEqualTo("identity=mcoclient.example.net");
            assertThat(provider("k", Map.of(), "plugin.psk.callertype", "user").callerId())
                    .startsWith("user=");
        }
    }

    /** The raw {@code :body} bytes of an envelope, read without verifying. */
    static byte[] innerBody(byte[] envelope) {
        Map<?, ?> map = (Map<?, ?>) RubyMarshal.load(envelope);
        return (byte[]) map.get(RubySymbol.of("body"));
    }
}
