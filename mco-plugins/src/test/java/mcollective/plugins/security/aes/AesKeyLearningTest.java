package mcollective.plugins.security.aes;

import static mcollective.plugins.security.aes.AesFrames.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.McollectiveException;
import mcollective.SecurityValidationFailedException;
import mcollective.protocol.Filter;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.protocol.codec.RubySymbol;
import mcollective.spi.Role;
import mcollective.testkit.TestCa;

/**
 * {@code plugin.aes.learn_pubkeys}: a node that has never seen a client stores the certificate the client sends in
 * {@code :sslpubkey} ({@code plugin.aes.send_pubkey}) in its certificate directory, once it chains to
 * {@code plugin.aes.ca_cert} and names the caller, and from then on opens that client's requests and seals replies
 * to it. A certificate the CA did not sign, one for another name, or one replacing a key already there is never
 * stored.
 */
class AesKeyLearningTest {
    @TempDir
    Path dir;

    TestCa ca;
    Path certs;

    @BeforeEach
    void fleet() throws IOException {
        ca = TestCa.create(dir.resolve("ca"), "learning-ca");
        certs = Files.createDirectories(dir.resolve("clients"));
    }

    /** A client signing as {@code leaf}, sending its certificate along. */
    static AesSecurityProvider client(TestCa.Leaf leaf, String... settings) {
        String[] all = new String[settings.length + 6];
        all[0] = "plugin.aes.client_private";
        all[1] = leaf.keyPem().toString();
        all[2] = "plugin.aes.client_public";
        all[3] = leaf.certPem().toString();
        all[4] = "plugin.aes.send_pubkey";
        all[5] = "1";
        System.arraycopy(settings, 0, all, 6, settings.length);
        return provider(Role.CLIENT, all);
    }

    /** A node with an empty certificate directory that learns keys, checked against {@code ca}. */
    AesSecurityProvider learningNode(String... extra) {
        String[] all = new String[extra.length + 6];
        all[0] = "plugin.aes.client_cert_dir";
        all[1] = certs.toString();
        all[2] = "plugin.aes.learn_pubkeys";
        all[3] = "1";
        all[4] = "plugin.aes.ca_cert";
        all[5] = ca.caPem().toString();
        System.arraycopy(extra, 0, all, 6, extra.length);
        return provider(Role.NODE, all);
    }

    static Request ping(String callerId) {
        return new Request(
                "0123456789abcdef0123456789abcdef",
                "alice.example.net",
                callerId,
                "rpcutil",
                "mcollective",
                Filter.empty().withAgent("rpcutil"),
                60,
                System.currentTimeMillis() / 1000,
                Map.of(RubySymbol.of("agent"), "rpcutil", RubySymbol.of("action"), "ping"));
    }

    @Test
    void aNodeLearnsAClientCertificateSignedByItsCaAndRepliesToIt() throws IOException {
        TestCa.Leaf alice = ca.issue("alice");
        AesSecurityProvider client = client(alice);
        AesSecurityProvider node = learningNode();
        Request request = ping(client.callerId());

        Request decoded = node.decodeRequest(client.encodeRequest(request));

        assertThat(client.callerId()).isEqualTo("cert=alice");
        assertThat(decoded).isEqualTo(request);
        assertThat(Files.readString(certs.resolve("alice.pem"), StandardCharsets.US_ASCII))
                .isEqualTo(Files.readString(alice.certPem(), StandardCharsets.US_ASCII));
        Reply reply = new Reply(request.requestId(), "node1.example.net", "rpcutil", 1L, "pong");
        assertThat(client.decodeReply(node.encodeReply(reply, decoded))).isEqualTo(reply);
        try (var left = Files.list(certs)) {
            assertThat(left).as("no temporary file left behind").containsExactly(certs.resolve("alice.pem"));
        }
    }

    @Test
    void aCertificateFromAnotherCaIsNotLearnt() {
        TestCa.Leaf mallory = TestCa.create(dir.resolve("rogue"), "rogue-ca").issue("alice");
        AesSecurityProvider client = client(mallory);

        assertThatThrownBy(() -> learningNode().decodeRequest(client.encodeRequest(ping(client.callerId()))))
                .isInstanceOf(SecurityValidationFailedException.class)
                .hasMessageContaining("Unable to validate certificate 'alice' against CA");
        assertThat(certs.resolve("alice.pem")).doesNotExist();
    }

    @Test
    void aCertificateForAnotherNameIsNotLearnt() {
        AesSecurityProvider client = client(ca.issue("bob"));
        Request claimingAlice = ping("cert=alice");

        assertThatThrownBy(() -> learningNode().decodeRequest(client.encodeRequest(claimingAlice)))
                .isInstanceOf(SecurityValidationFailedException.class)
                .hasMessageContaining("certname 'alice' doesn't match certificate 'bob'");
        assertThat(certs.resolve("alice.pem")).doesNotExist();
    }

    @Test
    void anExpiredCertificateIsNotLearnt() {
        AesSecurityProvider client = client(ca.issueExpired("alice"));

        assertThatThrownBy(() -> learningNode().decodeRequest(client.encodeRequest(ping(client.callerId()))))
                .isInstanceOf(SecurityValidationFailedException.class)
                .hasMessageContaining("Unable to validate certificate 'alice'");
        assertThat(certs.resolve("alice.pem")).doesNotExist();
    }

    @Test
    void aKnownKeyIsNeverReplaced() throws IOException {
        TestCa.Leaf alice = ca.issue("alice");
        Files.copy(alice.certPem(), certs.resolve("alice.pem"));
        AesSecurityProvider impostor = client(ca.issue("alice"));

        assertThatThrownBy(() -> learningNode().decodeRequest(impostor.encodeRequest(ping(impostor.callerId()))))
                .isInstanceOf(SecurityValidationFailedException.class)
                .hasMessageStartingWith("Could not decrypt message from");
        assertThat(Files.readString(certs.resolve("alice.pem"))).isEqualTo(Files.readString(alice.certPem()));
    }

    @Test
    void withLearningOffTheCertificateSentAlongIsIgnored() {
        AesSecurityProvider client = client(ca.issue("alice"));
        AesSecurityProvider node = provider(Role.NODE, "plugin.aes.client_cert_dir", certs.toString());

        assertThatThrownBy(() -> node.decodeRequest(client.encodeRequest(ping(client.callerId()))))
                .isInstanceOf(SecurityValidationFailedException.class)
                .hasMessageContaining("No certificate for callerid 'cert=alice'");
        assertThat(certs.resolve("alice.pem")).doesNotExist();
    }

    @Test
    void learningWithoutACaIsRefusedUnlessInsecure() {
        AesSecurityProvider client =
                client(TestCa.create(dir.resolve("any"), "any-ca").issue("alice"));
        AesSecurityProvider noCa =
                provider(Role.NODE, "plugin.aes.client_cert_dir", certs.toString(), "plugin.aes.learn_pubkeys", "1");
        AesSecurityProvider insecure = provider(
                Role.NODE,
                "plugin.aes.client_cert_dir",
                certs.toString(),
                "plugin.aes.learn_pubkeys",
                "1",
                "plugin.aes.insecure_learning",
                "1");
        Request request = ping(client.callerId());

        assertThatThrownBy(() -> noCa.decodeRequest(client.encodeRequest(request)))
                .isInstanceOf(SecurityValidationFailedException.class)
                .hasMessageContaining("Cannot verify certificate for 'alice'. No CA certificate specified.");
        assertThat(certs.resolve("alice.pem")).doesNotExist();
        assertThat(insecure.decodeRequest(client.encodeRequest(request))).isEqualTo(request);
        assertThat(certs.resolve("alice.pem")).exists();
    }

    @Test
    void aCaCertThatCannotBeReadIsNamedAtStartUp() {
        assertThatThrownBy(() -> provider(
                        Role.NODE,
                        "plugin.aes.client_cert_dir",
                        certs.toString(),
                        "plugin.aes.learn_pubkeys",
                        "1",
                        "plugin.aes.ca_cert",
                        dir.resolve("missing-ca.pem").toString()))
                .isInstanceOf(McollectiveException.class)
                .hasMessageStartingWith("plugin.aes.ca_cert: ")
                .hasMessageContaining("missing-ca.pem");
    }

    @Test
    void theYamlSerializerCarriesRequestsAndRepliesThereAndBack() {
        AesSecurityProvider client =
                provider(Role.CLIENT, "plugin.aes.serializer", "yaml", "plugin.aes.send_pubkey", "1");
        AesSecurityProvider node = provider(Role.NODE, "plugin.aes.serializer", "yaml");
        Request request = ping(client.callerId());

        byte[] wire = client.encodeRequest(request);
        Request decoded = node.decodeRequest(wire);
        Reply reply = new Reply(
                request.requestId(),
                "node1.example.net",
                "rpcutil",
                1L,
                Map.of(RubySymbol.of("statuscode"), 0L, RubySymbol.of("data"), Map.of(RubySymbol.of("pong"), 1L)));

        assertThat(new String(wire, StandardCharsets.UTF_8)).startsWith("---").contains(":callerid: \"cert=mcoadmin\"");
        assertThat(decoded).isEqualTo(request);
        assertThat(client.decodeReply(node.encodeReply(reply, decoded))).isEqualTo(reply);
    }
}
