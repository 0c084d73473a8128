package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.testkit.McoResult;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.SslFleetSecurity;
import mcollective.testkit.fleet.WithFleet;

/**
 * {@code securityprovider = ssl} across a mixed fleet: Java nodes node1 and node3, Ruby (Debian's MCollective 2.12.5)
 * nodes node2 and node4, and both {@code mco}s, all with the keys of reference/keys. Requests are signed with the
 * client's private key and verified with its public key in the nodes' {@code clients/}; replies are signed with the
 * shared server key, so every reply a client prints was signed by a Java or a Ruby node and verified by the client.
 */
@WithFleet(
        collectives = {"mcollective", "eu_collective"},
        plan = ReferenceNodes.Mixed.class,
        security = SslFleetSecurity.class)
class SslSecurityCompatIT {
    static final List<String> ALL =
            List.of("node1.example.net", "node2.example.net", "node3.example.net", "node4.example.net");

    static Fleet fleet;

    @Nested
    class RubyClient {
        @Test
        void shouldPingJavaAndRubyNodes() {
            McoResult run = fleet.rubyMco("ping", "-t", "3");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(MixedFleetCompatIT.identities(run.lines())).containsExactlyInAnyOrderElementsOf(ALL);
        }

        @Test
        void shouldFindJavaAndRubyNodesByFact() {
            McoResult run = fleet.rubyMco("find", "--dt", "2", "-F", "platform=centos");

            assertThat(run.lines())
                    .as(run.err())
                    .containsExactlyInAnyOrder("node1.example.net", "node3.example.net", "node4.example.net");
        }

        @Test
        void shouldCallRpcutilPingOnAJavaNode() {
            McoResult run = fleet.rubyMco("rpc", "--dt", "2", "rpcutil", "ping", "-I", "node1.example.net");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).containsPattern("Timestamp: \\d{10}").contains("Finished processing 1 / 1 hosts");
        }

        @Test
        void shouldSummariseFactsOfEveryNode() {
            McoResult run = fleet.rubyMco("facts", "--dt", "2", "platform");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).containsPattern("centos\\s+found 3 times").containsPattern("ubuntu\\s+found 1 times");
        }

        @Test
        void shouldShowTheInventoryOfAJavaNode() {
            McoResult run = fleet.rubyMco("inventory", "--dt", "2", "node3.example.net");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("Inventory for node3.example.net").contains("role.database");
        }
    }

    @Nested
    class JavaClient {
        @Test
        void shouldPingJavaAndRubyNodes() {
            McoResult run = fleet.mco("ping", "-t", "3");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(MixedFleetCompatIT.identities(run.lines())).containsExactlyInAnyOrderElementsOf(ALL);
        }

        @Test
        void shouldFindRubyAndJavaNodesByFactAndClass() {
            assertThat(fleet.mco("find", "--dt", "2", "-F", "platform=centos").lines())
                    .containsExactlyInAnyOrder("node1.example.net", "node3.example.net", "node4.example.net");
            assertThat(fleet.mco("find", "--dt", "2", "-C", "role.web").lines()).containsExactly("node2.example.net");
        }

        @Test
        void shouldCallRpcutilPingOnARubyNode() {
            McoResult run = fleet.mco("rpc", "--dt", "2", "rpcutil", "ping", "-I", "node2.example.net");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).containsPattern("Timestamp: \\d{10}").contains("Finished processing 1 / 1 hosts");
        }

        @Test
        void shouldSummariseFactsLikeTheRubyClient() {
            McoResult run = fleet.mco("facts", "--dt", "2", "platform");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).containsPattern("centos\\s+found 3 times").containsPattern("ubuntu\\s+found 1 times");
        }

        @Test
        void shouldShowTheInventoryOfARubyNode() {
            McoResult run = fleet.mco("inventory", "--dt", "2", "node4.example.net");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("Inventory for node4.example.net").contains("role.database");
        }
    }

    @Nested
    class UnknownClient {
        @Test
        void shouldGetNoReplyFromAnyNodeForAKeyNotInTheCertDir() throws Exception {
            Path dir = Files.createDirectories(fleet.dir().resolve("stranger"));
            Path privateKey = dir.resolve("stranger-private.pem");
            Path publicKey = dir.resolve("stranger.pem");
            writeRsaPair(privateKey, publicKey);
            String[] lines = {"plugin.ssl_client_private = " + privateKey, "plugin.ssl_client_public = " + publicKey};

            McoResult java = fleet.mco(fleet.clientConfig("stranger.cfg", lines), "ping", "-t", "3");
            McoResult ruby = fleet.rubyMco(fleet.rubyClientConfig("stranger.cfg", lines), "ping", "-t", "3");

            assertThat(MixedFleetCompatIT.identities(java.lines()))
                    .as(java.out() + java.err())
                    .isEmpty();
            assertThat(MixedFleetCompatIT.identities(ruby.lines()))
                    .as(ruby.out() + ruby.err())
                    .isEmpty();
        }
    }

    /** A fresh RSA-2048 pair: the private key as PKCS#8, the public one as SubjectPublicKeyInfo, both PEM. */
    static void writeRsaPair(Path privateKey, Path publicKey) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
