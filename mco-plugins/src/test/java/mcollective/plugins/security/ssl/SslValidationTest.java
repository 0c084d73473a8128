package mcollective.plugins.security.ssl;

import static mcollective.plugins.security.ssl.SslFixtures.KEYS;
import static mcollective.plugins.security.ssl.SslFixtures.read;
import static mcollective.plugins.security.ssl.SslSecurityProviderTest.outer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.McollectiveException;
import mcollective.SecurityValidationFailedException;
import mcollective.plugins.security.KeyFiles;
import mcollective.protocol.Filter;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.protocol.codec.RubyMarshal;
import mcollective.protocol.codec.RubyString;
import mcollective.spi.Role;
import mcollective.spi.support.SecurityEnvelope;

/** What a node or a client refuses, and the one-line messages of a wrong configuration. */
class SslValidationTest {
    static final SslSecurityProvider NODE = SslFixtures.node();
    static final SslSecurityProvider CLIENT = SslFixtures.client();
    static final String RPC = "ssl-request-rpcutil-ping.bin";

    /** The Ruby request with one envelope key replaced (the signature stays Ruby's). */
    static byte[] tampered(String frame, Object key, Object value) {
        Map<Object, Object> outer = outer(read(frame));
        outer.put(key, value);
        return RubyMarshal.dump(outer);
    }

    static Request request(String callerId, Object body) {
        return new Request(
                "0123456789abcdef0123456789abcdef",
                "mcoclient.example.net",
                callerId,
                "rpcutil",
                "mcollective",
                Filter.empty(),
                60,
                1_795_583_759L,
                body);
    }

    @Nested
    class Tampering {
        @Test
        void shouldRefuseABodyThatIsNotTheSignedOne() {
            byte[] body = SslSecurityProviderTest.innerBytes(read(RPC)).clone();
            body[body.length - 1] ^= 1;

            assertThatThrownBy(() -> NODE.decodeRequest(tampered(RPC, SecurityEnvelope.BODY, body)))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessage("Received an invalid signature in message");
        }

        @Test
        void shouldRefuseASignatureThatIsNotBase64OfASignature() {
            assertThatThrownBy(() -> NODE.decodeRequest(tampered(RPC, SecurityEnvelope.HASH, RubyString.ascii("x\n"))))
                    .isInstanceOf(SecurityValidationFailedException.class);
            assertThatThrownBy(() -> NODE.decodeRequest(tampered(RPC, SecurityEnvelope.HASH, 12L)))
                    .isInstanceOf(SecurityValidationFailedException.class);
        }

        @Test
        void shouldRefuseAnEnvelopeTtlThatDiffersFromTheSignedOne() {
            assertThatThrownBy(() -> NODE.decodeRequest(tampered(RPC, SecurityEnvelope.TTL, 86_400L)))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessageEndingWith("TTL does not match encrypted TTL - possible tampering")
                    .hasMessageContaining("from cert=mcoadmin@mcoclient.example.net");
        }

        @Test
        void shouldRefuseAnEnvelopeMsgtimeThatDiffersFromTheSignedOne() {
            assertThatThrownBy(() -> NODE.decodeRequest(tampered(RPC, SecurityEnvelope.MSGTIME, 1_895_583_914L)))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessageEndingWith("Message Time does not match encrypted Message Time - possible tampering");
        }

        @Test
        void shouldOnlyWarnWithEnforceTtlZeroAndKeepTheSignedValues() {
            SslSecurityProvider lenient = SslFixtures.node("plugin.ssl.enforce_ttl", "0");

            Request request = lenient.decodeRequest(tampered(RPC, SecurityEnvelope.TTL, 86_400L));

            assertThat(request.ttl()).isEqualTo(60);
        }

        @Test
        void shouldRefuseASignedBodyWithoutTheSecureTtl() {
            byte[] payload = CLIENT.encodeRequest(request(CLIENT.callerId(), "ping"));
            // A client of another protocol: the signed body is the bare message Hash.
            Request bare = request(CLIENT.callerId(), Map.of(SslSecurityProvider.SSL_MSG, "ping"));
            byte[] unwrappedHash = signedAsIs(bare);

            assertThat(NODE.decodeRequest(payload).body()).isEqualTo("ping");
            assertThatThrownBy(() -> NODE.decodeRequest(unwrappedHash))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessageEndingWith("does not have a secure TTL");
        }

        @Test
        void shouldAcceptAnOlderProtocolsStringBodyOnlyWhileEnforceTtlIsUnset() {
            byte[] old = signedAsIs(request(CLIENT.callerId(), "ping"));

            assertThat(NODE.decodeRequest(old).body()).isEqualTo("ping");
            assertThatThrownBy(() ->
                            SslFixtures.node("plugin.ssl.enforce_ttl", "1").decodeRequest(old))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessageEndingWith("is in an unknown or older security protocol, ignoring");
        }

        /** Signed by the client key, with the body as given (no ssl_msg wrapper). */
        private byte[] signedAsIs(Request request) {
            SecurityEnvelope envelope = new SecurityEnvelope(new RsaSha1Seal(
                    KeyFiles.privateKey(KEYS.resolve("private/mcoadmin-private.pem"), null), received -> {
                        throw new AssertionError();
                    }));
            return envelope.encodeRequest(request);
        }

        @Test
        void shouldRefuseAReplyNotSignedByTheServerKey() {
            Reply reply = new Reply("0123456789abcdef0123456789abcdef", "evil.example.net", "rpcutil", 1L, "pong");
            // Signed with the client's key: a client must not take it for a node's reply.
            SslSecurityProvider impostor = SslFixtures.node(
                    "plugin.ssl_server_private",
                    KEYS.resolve("private/mcoadmin-private.pem").toString());

            assertThatThrownBy(() -> CLIENT.decodeReply(impostor.encodeReply(reply)))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessage("Received an invalid signature in message");
        }
    }

    @Nested
    class Callers {
        @Test
        void shouldRefuseACallerWithoutAKeyInTheCertDir() {
            byte[] payload = tampered(RPC, SecurityEnvelope.CALLERID, "cert=nobody");

            assertThatThrownBy(() -> NODE.decodeRequest(payload))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessage("Could not find a public key for nobody in " + KEYS.resolve("clients") + "/nobody.pem");
        }

        @Test
        void shouldNeverLeaveTheCertDir() {
            for (String caller : new String[] {
                "cert=../server-public",
                "cert=mcoadmin/../../server-public",
                "uid=0 cert=mcoadmin",
                "cert=mcoadmin\n",
                "cert=",
                "uid=0"
            }) {
                byte[] payload = tampered(RPC, SecurityEnvelope.CALLERID, caller);

                assertThatThrownBy(() -> NODE.decodeRequest(payload))
                        .as(caller)
                        .isInstanceOf(SecurityValidationFailedException.class)
                        .hasMessage("Caller id is not in the expected format");
            }
        }

        @Test
        void shouldRefuseACallerSigningWithAnotherCallersName(@TempDir Path dir) throws IOException {
            Path clients = Files.createDirectories(dir.resolve("clients"));
            Files.copy(KEYS.resolve("server-public.pem"), clients.resolve("mcoadmin.pem"));
            SslSecurityProvider node = SslFixtures.node("plugin.ssl_client_cert_dir", clients.toString());

            assertThatThrownBy(() -> node.decodeRequest(read(RPC)))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessage("Received an invalid signature in message");
        }

        @Test
        void shouldPickUpAClientKeyAddedWhileRunning(@TempDir Path dir) throws IOException {
            Path clients = Files.createDirectories(dir.resolve("clients"));
            SslSecurityProvider node = SslFixtures.node("plugin.ssl_client_cert_dir", clients.toString());
            assertThatThrownBy(() -> node.decodeRequest(read(RPC)))
                    .isInstanceOf(SecurityValidationFailedException.class);

            Files.copy(KEYS.resolve("clients/mcoadmin.pem"), clients.resolve("mcoadmin.pem"));

            assertThat(node.decodeRequest(read(RPC)).callerId()).isEqualTo("cert=mcoadmin");
        }

        @Test
        void shouldAcceptACertificateAsTheCallersKey(@TempDir Path dir) throws IOException {
            Path clients = Files.createDirectories(dir.resolve("clients"));
            Files.copy(KEYS.resolve("aes/clients/mcoadmin.pem"), clients.resolve("mcoadmin.pem"));
            SslSecurityProvider node = SslFixtures.node("plugin.ssl_client_cert_dir", clients.toString());

            assertThat(node.decodeRequest(read(RPC)).callerId()).isEqualTo("cert=mcoadmin");
        }
    }

    @Nested
    class Configuration {
        @Test
        void shouldNameEachMissingKey() {
            assertThatThrownBy(() -> SslFixtures.node("plugin.ssl_server_private", null))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessage("No plugin.ssl_server_private configuration option specified");
            assertThatThrownBy(() -> SslFixtures.node("plugin.ssl_client_cert_dir", null))
                    .hasMessage("No plugin.ssl_client_cert_dir configuration option specified");
            assertThatThrownBy(() -> SslFixtures.client("plugin.ssl_client_private", null))
                    .hasMessage("No plugin.ssl_client_private configuration option specified");
            assertThatThrownBy(() -> SslFixtures.client("plugin.ssl_client_public", null))
                    .hasMessage("No plugin.ssl_client_public configuration option specified");
            assertThatThrownBy(() -> SslFixtures.client("plugin.ssl_server_public", null))
                    .hasMessage("No plugin.ssl_server_public configuration option specified");
        }

        @Test
        void shouldNameTheKeyAndTheFileThatCannotBeRead(@TempDir Path dir) throws IOException {
            Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a key\n");

            assertThatThrownBy(() -> SslFixtures.node(
                            "plugin.ssl_server_private", dir.resolve("gone.pem").toString()))
                    .hasMessage("plugin.ssl_server_private = " + dir.resolve("gone.pem") + ": no such file");
            assertThatThrownBy(() -> SslFixtures.client("plugin.ssl_server_public", garbage.toString()))
                    .hasMessageStartingWith("plugin.ssl_server_public = " + garbage + ": ");
            assertThatThrownBy(() -> SslFixtures.client(
                            "plugin.ssl_client_private",
                            KEYS.resolve("server-public.pem").toString()))
                    .hasMessageStartingWith("plugin.ssl_client_private = " + KEYS.resolve("server-public.pem"))
                    .hasMessageEndingWith("not a private key");
            assertThatThrownBy(() -> SslFixtures.node(
                            "plugin.ssl_client_cert_dir", dir.resolve("none").toString()))
                    .hasMessage("plugin.ssl_client_cert_dir = " + dir.resolve("none") + ": no such directory");
            assertThatThrownBy(() -> SslFixtures.node("plugin.ssl_serializer", "json"))
                    .hasMessage("plugin.ssl_serializer = 'json': use marshal or yaml");
        }

        @Test
        void shouldLetTheEnvironmentChooseTheClientKeys() {
            Map<String, String> env = Map.of(
                    "MCOLLECTIVE_SSL_PRIVATE",
                    KEYS.resolve("private/mcoadmin-private.pem").toString(),
                    "MCOLLECTIVE_SSL_PUBLIC",
                    "/home/john/.mc/john-public.pem");
            SslSecurityProvider fromEnv = SslFixtures.provider(
                    Role.CLIENT,
                    env,
                    SslFixtures.clientSettings(
                            "plugin.ssl_client_private", "/nowhere.pem", "plugin.ssl_client_public", null));

            assertThat(fromEnv.callerId()).isEqualTo("cert=john-public");
            assertThat(NODE.decodeRequest(fromEnv.encodeRequest(request("cert=mcoadmin", "ping")))
                            .body())
                    .isEqualTo("ping");
        }

        @Test
        void shouldRefuseAPublicKeyFileNameThatIsNoCallerid() {
            assertThatThrownBy(() -> SslFixtures.client("plugin.ssl_client_public", "/keys/john smith.pem"))
                    .hasMessageStartingWith("Invalid callerid 'cert=john smith' generated from public key");
        }
    }
}
