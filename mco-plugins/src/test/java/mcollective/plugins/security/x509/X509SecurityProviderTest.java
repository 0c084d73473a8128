package mcollective.plugins.security.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.McollectiveException;
import mcollective.SecurityValidationFailedException;
import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.Filter;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.protocol.codec.RubyMarshal;
import mcollective.protocol.codec.RubySymbol;
import mcollective.spi.PluginContext;
import mcollective.spi.support.SecurityEnvelope;
import mcollective.testkit.TestCa;

/** The x509 provider between clients and nodes whose certificates come from a {@link TestCa}. */
class X509SecurityProviderTest {
    @TempDir
    static Path dir;

    static TestCa ca;
    static TestCa otherCa;
    static TestCa.Leaf alice;
    static TestCa.Leaf node1;
    static X509SecurityProvider client;
    static X509SecurityProvider node;

    @BeforeAll
    static void fleet() {
        ca = TestCa.create(dir.resolve("ca"), "fleet-ca");
        otherCa = TestCa.create(dir.resolve("other"), "other-ca");
        alice = ca.issue("alice");
        node1 = ca.issue("node1.example.net");
        client = provider(alice, "plugin.x509.crl", ca.crlPem().toString());
        node = provider(node1, "plugin.x509.crl", ca.crlPem().toString());
    }

    static X509SecurityProvider provider(TestCa.Leaf leaf, String... settings) {
        var builder = Config.builder()
                .set("identity", leaf.name())
                .set("plugin.x509.ca", ca.caPem().toString())
                .set("plugin.x509.certificate", leaf.certPem().toString())
                .set("plugin.x509.key", leaf.keyPem().toString())
                .environment(Map.of());
        for (int i = 0; i < settings.length; i += 2) {
            builder.set(settings[i], settings[i + 1]);
        }
        X509SecurityProvider provider = new X509SecurityProvider();
        provider.init(new PluginContext(
                builder.build(),
                "x509",
                PluginRegistry.builder().autoDiscover(false).build(),
                Clock.systemUTC(),
                Map.of(),
                Map.of()));
        return provider;
    }

    /** A client signing with {@code leaf} without the checks init makes of its own certificate. */
    static X509SecurityProvider unchecked(TestCa.Leaf leaf) {
        return X509SecurityProvider.create(List.of(ca.caCert()), leaf.cert(), leaf.key(), Clock.systemUTC());
    }

    static Request request(String callerId) {
        Filter filter =
                Filter.builder().addFact("country=uk").addAgent("rpcutil").build();
        return new Request(
                "0123456789abcdef0123456789abcdef",
                "client.example.net",
                callerId,
                "rpcutil",
                "mcollective",
                filter,
                60,
                Clock.systemUTC().instant().getEpochSecond(),
                Map.of(RubySymbol.of("action"), "ping"));
    }

    static Reply reply(String senderId) {
        return new Reply("0123456789abcdef0123456789abcdef", senderId, "rpcutil", 1700000000L, Map.of("pong", 1L));
    }

    /** The payload with one envelope key replaced. */
    static byte[] tampered(byte[] payload, RubySymbol key, Object value) {
        Map<Object, Object> envelope = new LinkedHashMap<>((Map<?, ?>) RubyMarshal.load(payload));
        envelope.put(key, value);
        return RubyMarshal.dump(envelope);
    }

    @Nested
    class Requests {
        @Test
        void shouldAcceptASignedRequestAndTakeTheCalleridFromTheCertificate() {
            assertThat(client.callerId()).isEqualTo("x509=alice");

            Request decoded = node.decodeRequest(client.encodeRequest(request(client.callerId())));

            assertThat(decoded.callerId()).isEqualTo("x509=alice");
            assertThat(decoded.filter().fact()).hasSize(1);
            assertThat(decoded.body()).isEqualTo(Map.of(RubySymbol.of("action"), "ping"));
        }

        @Test
        void shouldRefuseATamperedFilterTtlAgentOrBody() {
            byte[] payload = client.encodeRequest(request(client.callerId()));
            Filter wider = Filter.empty().withAgent("rpcutil");

            for (byte[] forged : List.of(
                    tampered(payload, SecurityEnvelope.FILTER, wider.toRuby()),
                    tampered(payload, SecurityEnvelope.TTL, 86400L),
                    tampered(payload, SecurityEnvelope.AGENT, "shell"),
                    tampered(payload, SecurityEnvelope.COLLECTIVE, "production"),
                    tampered(payload, SecurityEnvelope.MSGTIME, 1L),
                    tampered(
                            payload, SecurityEnvelope.BODY, RubyMarshal.dump(Map.of(RubySymbol.of("action"), "rm"))))) {
                assertThatThrownBy(() -> node.decodeRequest(forged))
                        .isInstanceOf(SecurityValidationFailedException.class)
                        .hasMessage("Received an invalid signature in message from x509=alice");
            }
        }

        @Test
        void shouldRefuseAnExpiredCertificate() {
            TestCa.Leaf old = ca.issueExpired("olduser");

            assertThatThrownBy(() -> node.decodeRequest(unchecked(old).encodeRequest(request("x509=olduser"))))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessageContaining("CN=olduser) is not trusted: expired");
        }

        @Test
        void shouldRefuseARevokedCertificateOnceTheCrlFileChanges() {
            TestCa.Leaf mallory = ca.issue("mallory");
            X509SecurityProvider signer = unchecked(mallory);
            assertThat(node.decodeRequest(signer.encodeRequest(request("x509=mallory")))
                            .callerId())
                    .isEqualTo("x509=mallory");

            ca.revoke(mallory);

            assertThatThrownBy(() -> node.decodeRequest(signer.encodeRequest(request("x509=mallory"))))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessageContaining("CN=mallory) is not trusted: revoked");
        }

        @Test
        void shouldRefuseACertificateFromAnotherCa() {
            TestCa.Leaf stranger = otherCa.issue("alice");

            assertThatThrownBy(() -> node.decodeRequest(unchecked(stranger).encodeRequest(request("x509=alice"))))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessageContaining("(CN=alice) is not trusted");
        }

        @Test
        void shouldRefuseACalleridThatIsNotTheCertificatesCn() {
            assertThatThrownBy(() -> node.decodeRequest(client.encodeRequest(request("x509=root"))))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessage("Callerid x509=root does not match its certificate's CN alice");
            assertThatThrownBy(() -> node.decodeRequest(client.encodeRequest(request("uid=0"))))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessage("Caller uid=0 is not an x509=<CN> callerid");
        }

        @Test
        void shouldRefuseAnAlgorithmThatDoesNotMatchTheKey() {
            byte[] payload = client.encodeRequest(request(client.callerId()));

            assertThatThrownBy(() -> node.decodeRequest(
                            tampered(payload, SignedSecurityProvider.SIGNATURE_ALGORITHM, "ECDSA-SHA256")))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessage("Message from x509=alice names ECDSA-SHA256 but the key is RSA");
            assertThatThrownBy(() -> node.decodeRequest(
                            tampered(payload, SignedSecurityProvider.SIGNATURE_ALGORITHM, "HMAC-MD5")))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessage("Message from x509=alice names an unknown signature algorithm HMAC-MD5");
        }

        @Test
        void shouldSignWithAnEcKey() {
            X509SecurityProvider ec = provider(ca.issueEc("carol"));

            byte[] payload = ec.encodeRequest(request(ec.callerId()));

            assertThat(((Map<?, ?>) RubyMarshal.load(payload)).get(SignedSecurityProvider.SIGNATURE_ALGORITHM))
                    .isEqualTo("ECDSA-SHA256");
            assertThat(node.decodeRequest(payload).callerId()).isEqualTo("x509=carol");
        }

        @Test
        void shouldFindTheCertificateInCertDirWhenTheCallerDoesNotSendIt() throws Exception {
            Path certs = Files.createDirectories(dir.resolve("certs"));
            TestCa.Leaf dave = ca.issue("dave");
            Files.copy(dave.certPem(), certs.resolve("dave.pem"));
            X509SecurityProvider quiet = provider(dave, "plugin.x509.send_certificate", "0");
            X509SecurityProvider withDir = provider(node1, "plugin.x509.cert_dir", certs.toString());

            byte[] payload = quiet.encodeRequest(request(quiet.callerId()));

            assertThat(withDir.decodeRequest(payload).callerId()).isEqualTo("x509=dave");
            assertThatThrownBy(() -> node.decodeRequest(payload))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessage(
                            "Message from caller x509=dave carries no :certificate and plugin.x509.cert_dir is not set");
        }
    }

    @Nested
    class Replies {
        @Test
        void shouldAcceptAReplySignedByTheNodesOwnCertificate() {
            Reply decoded = client.decodeReply(node.encodeReply(reply("node1.example.net")));

            assertThat(decoded.senderId()).isEqualTo("node1.example.net");
            assertThat(decoded.body()).isEqualTo(Map.of("pong", 1L));
        }

        @Test
        void shouldAcceptASenderNamedByTheCertificatesSubjectAltName() {
            X509SecurityProvider web = provider(ca.issue("web-frontend", "web01.example.net"));

            assertThat(client.decodeReply(web.encodeReply(reply("web01.example.net")))
                            .senderId())
                    .isEqualTo("web01.example.net");
        }

        @Test
        void shouldRefuseAReplyFromANodeWhoseCertificateNamesAnotherIdentity() {
            X509SecurityProvider node2 = provider(ca.issue("node2.example.net"));

            assertThatThrownBy(() -> client.decodeReply(node2.encodeReply(reply("node1.example.net"))))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessage("Reply from node1.example.net is signed by a certificate for CN=node2.example.net,"
                            + " which does not name node1.example.net");
        }

        @Test
        void shouldRefuseATamperedReply() {
            byte[] payload = node.encodeReply(reply("node1.example.net"));

            assertThatThrownBy(() -> client.decodeReply(
                            tampered(payload, SecurityEnvelope.BODY, RubyMarshal.dump(Map.of("pong", 2L)))))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessage("Received an invalid signature in message from node1.example.net");
        }
    }

    @Nested
    class Configuration {
        @Test
        void shouldReadAnEncryptedKeyWithThePasswordFromAFile() throws Exception {
            TestCa.Leaf erin = ca.issueEncrypted("erin", "s3cret");
            Path password = Files.writeString(dir.resolve("erin.pass"), "s3cret\n");

            X509SecurityProvider provider = provider(erin, "plugin.x509.key_password_file", password.toString());

            assertThat(node.decodeRequest(provider.encodeRequest(request(provider.callerId())))
                            .callerId())
                    .isEqualTo("x509=erin");
            assertThatThrownBy(() -> provider(erin, "plugin.x509.key_password", "wrong"))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessageStartingWith("plugin.x509.key = " + erin.keyPem() + ": cannot decrypt the private key");
        }

        @Test
        void shouldNameTheKeyAndTheFileThatIsWrong() {
            Path missing = dir.resolve("nowhere.pem");

            assertThatThrownBy(() -> provider(alice, "plugin.x509.ca", missing.toString()))
                    .hasMessage("plugin.x509.ca = " + missing + ": no such file");
            assertThatThrownBy(() ->
                            provider(alice, "plugin.x509.key", node1.keyPem().toString()))
                    .hasMessage("plugin.x509.key = " + node1.keyPem() + ": not the key of plugin.x509.certificate = "
                            + alice.certPem());
            assertThatThrownBy(() -> provider(ca.issueExpired("late")))
                    .hasMessageContaining(": not trusted by plugin.x509.ca = " + ca.caPem());
        }
    }
}
