package mcollective.plugins.security.ssl;

import static mcollective.plugins.security.ssl.SslFixtures.KEYS;
import static mcollective.plugins.security.ssl.SslFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import mcollective.plugins.security.KeyFiles;
import mcollective.protocol.Filter;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.protocol.codec.MarshalOptions;
import mcollective.protocol.codec.RubyMarshal;
import mcollective.protocol.codec.RubyString;
import mcollective.protocol.codec.RubySymbol;
import mcollective.spi.support.SecurityEnvelope;

/** The ssl plugin against the golden frames captured from Ruby MCollective 2.12.5 with reference/keys. */
class SslSecurityProviderTest {
    static final SslSecurityProvider NODE = SslFixtures.node();
    static final SslSecurityProvider CLIENT = SslFixtures.client();

    static Stream<Path> requests() throws IOException {
        return SslFixtures.frames("ssl-request-");
    }

    static Stream<Path> replies() throws IOException {
        return SslFixtures.frames("ssl-reply-");
    }

    /** The outer Hash of a payload, read keeping every String's encoding. */
    @SuppressWarnings("unchecked")
    static Map<Object, Object> outer(byte[] payload) {
        return new LinkedHashMap<>((Map<Object, Object>) RubyMarshal.load(payload, MarshalOptions.preserving()));
    }

    static byte[] innerBytes(byte[] payload) {
        Object body = outer(payload).get(SecurityEnvelope.BODY);
        return body instanceof byte[] b ? b : ((RubyString) body).bytes();
    }

    static Request withBody(Request r, Object body) {
        return new Request(
                r.requestId(),
                r.senderId(),
                r.callerId(),
                r.agent(),
                r.collective(),
                r.filter(),
                r.ttl(),
                r.msgtime(),
                body);
    }

    @Nested
    class GoldenFrames {
        @ParameterizedTest
        @MethodSource("mcollective.plugins.security.ssl.SslSecurityProviderTest#requests")
        void shouldVerifyEveryRubyRequestWithTheCallersKeyAndUnwrapIt(Path frame) throws IOException {
            Request request = NODE.decodeRequest(Files.readAllBytes(frame));

            assertThat(request.callerId()).isEqualTo("cert=mcoadmin");
            assertThat(request.ttl()).isEqualTo(60);
            assertThat(request.msgtime()).isGreaterThan(1_700_000_000L);
            if (request.body() instanceof Map<?, ?> body) {
                assertThat(body.containsKey(SslSecurityProvider.SSL_MSG)).isFalse();
            }
        }

        @ParameterizedTest
        @MethodSource("mcollective.plugins.security.ssl.SslSecurityProviderTest#requests")
        void shouldReEncodeADecodedRequestToRubysExactBytes(Path frame) throws IOException {
            byte[] ruby = Files.readAllBytes(frame);
            Request request = NODE.decodeRequest(ruby);
            Map<?, ?> signed = (Map<?, ?>) RubyMarshal.load(innerBytes(ruby), MarshalOptions.preserving());

            byte[] ours = CLIENT.encodeRequest(withBody(request, signed.get(SslSecurityProvider.SSL_MSG)));

            assertThat(ours).isEqualTo(ruby);
        }

        @ParameterizedTest
        @MethodSource("mcollective.plugins.security.ssl.SslSecurityProviderTest#replies")
        void shouldVerifyEveryRubyReplyWithTheServerKey(Path frame) throws IOException {
            Reply reply = CLIENT.decodeReply(Files.readAllBytes(frame));

            assertThat(reply.senderId()).endsWith(".example.net");
            assertThat(reply.senderAgent()).isIn("discovery", "rpcutil");
        }

        @ParameterizedTest
        @MethodSource("mcollective.plugins.security.ssl.SslSecurityProviderTest#replies")
        void shouldReEncodeADecodedReplyToRubysExactBytes(Path frame) throws IOException {
            byte[] ruby = Files.readAllBytes(frame);
            Reply reply = CLIENT.decodeReply(ruby);
            Object body = RubyMarshal.load(innerBytes(ruby), MarshalOptions.preserving());
            Reply same = new Reply(reply.requestId(), reply.senderId(), reply.senderAgent(), reply.msgtime(), body);

            assertThat(NODE.encodeReply(same)).isEqualTo(ruby);
        }

        @Test
        void shouldDecodeTheDiscoveryPingAndTheRpcBody() {
            Request ping = NODE.decodeRequest(read("ssl-request-discovery-ping.bin"));
            Request rpc = NODE.decodeRequest(read("ssl-request-rpcutil-ping.bin"));

            assertThat(ping.body()).isEqualTo("ping");
            assertThat(ping.agent()).isEqualTo("discovery");
            assertThat(rpc.body()).isInstanceOfSatisfying(Map.class, body -> {
                assertThat(body.get(RubySymbol.of("action"))).isEqualTo("ping");
                assertThat(body.get(RubySymbol.of("caller"))).isEqualTo("cert=mcoadmin");
            });
        }

        @Test
        void shouldSignWithBase64InRubysSixtyCharacterLines() {
            Object hash = outer(read("ssl-request-rpcutil-ping.bin")).get(SecurityEnvelope.HASH);
            String ours = RsaSha1Seal.sign(
                    KeyFiles.privateKey(KEYS.resolve("private/mcoadmin-private.pem"), null),
                    innerBytes(read("ssl-request-rpcutil-ping.bin")));

            assertThat(ours).hasSize(350).endsWith("==\n");
            assertThat(ours.split("\n"))
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
            assertThat(ours).isEqualTo(((RubyString) hash).text());
        }
    }

    @Nested
    class RoundTrips {
        final Request request = new Request(
                "0123456789abcdef0123456789abcdef",
                "mcoclient.example.net",
                CLIENT.callerId(),
                "rpcutil",
                "mcollective",
                Filter.builder().addAgent("rpcutil").build(),
                60,
                1_795_583_759L,
                Map.of(RubySymbol.of("action"), "ping"));

        @Test
        void shouldCallAClientByItsPublicKeyFileName() {
            assertThat(CLIENT.callerId()).isEqualTo("cert=mcoadmin");
            assertThat(NODE.callerId()).isEqualTo("cert=server-public");
        }

        @Test
        void shouldRoundTripARequestFromJavaClientToJavaNode() {
            assertThat(NODE.decodeRequest(CLIENT.encodeRequest(request))).isEqualTo(request);
        }

        @Test
        void shouldRoundTripAReplyFromJavaNodeToJavaClient() {
            Reply reply = new Reply(request.requestId(), "node1.example.net", "rpcutil", 1_795_583_760L, "pong");

            assertThat(CLIENT.decodeReply(NODE.encodeReply(reply, request))).isEqualTo(reply);
        }

        @Test
        void shouldSignANodesOwnRequestsWithTheServerKey(@TempDir Path dir) throws IOException {
            Path clients = Files.createDirectories(dir.resolve("clients"));
            Files.copy(KEYS.resolve("server-public.pem"), clients.resolve("server-public.pem"));
            SslSecurityProvider registrar = SslFixtures.node("plugin.ssl_client_cert_dir", clients.toString());
            Request registration = withBody(
                    new Request(
                            request.requestId(),
                            "node1.example.net",
                            registrar.callerId(),
                            "registration",
                            "mcollective",
                            Filter.empty(),
                            60,
                            1_795_583_759L,
                            "x"),
                    Map.of(RubySymbol.of("agentlist"), List.of("rpcutil")));

            assertThat(registrar.decodeRequest(registrar.encodeRequest(registration)))
                    .isEqualTo(registration);
        }

        @Test
        void shouldBuildANodeFromAKeyDirectoryForBenchmarks() {
            SslSecurityProvider bench = SslSecurityProvider.forNode(KEYS);

            assertThat(bench.decodeRequest(read("ssl-request-rpcutil-ping.bin")).callerId())
                    .isEqualTo("cert=mcoadmin");
        }
    }
}
