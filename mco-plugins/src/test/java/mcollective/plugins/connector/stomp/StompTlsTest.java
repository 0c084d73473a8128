package mcollective.plugins.connector.stomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.plugins.pem.PemFiles;
import mcollective.testkit.TestCerts;

class StompTlsTest {
    @TempDir
    static Path dir;

    static TestCerts broker;
    static TestCerts client;
    static TestCerts stranger;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeAll
    static void makeCertificates() throws Exception {
        broker = TestCerts.create(dir, "broker");
        client = TestCerts.create(dir, "client");
        stranger = TestCerts.create(dir, "stranger");
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    private FakeStompServer tlsServer(boolean needClientAuth) throws Exception {
        FakeStompServer s = new FakeStompServer(broker.serverContext(List.of(client.cert)));
        s.needClientAuth = needClientAuth;
        resources.add(s);
        return s;
    }

    private StompClient connect(StompHost host) {
        StompClient c = new StompClient(
                StompClientOptions.builder().host(host).maxReconnectAttempts(1).build());
        resources.add(0, c);
        c.connect();
        return c;
    }

    private static Optional<String> path(Path p) {
        return Optional.of(p.toString());
    }

    @Nested
    class Verified {
        @Test
        void shouldConnectWithTheBrokerVerifiedAgainstTheCaAndPresentTheClientCertificate() throws Exception {
            FakeStompServer server = tlsServer(true);
            StompHost host =
                    server.host().withSsl(path(broker.certPem), path(client.certPem), path(client.keyPem), false);
            StompClient c = connect(host);
            assertThat(c.isConnected()).isTrue();
            SSLSocket socket = (SSLSocket) server.awaitConnection().socket;
            assertThat(socket.getSession().getPeerPrincipal().getName()).isEqualTo("CN=client");
            assertThat(host.url()).startsWith("stomp+ssl://mcollective@127.0.0.1:");
        }

        @Test
        void shouldAcceptAPkcs1RsaKeyAndSeveralCaFiles() throws Exception {
            FakeStompServer server = tlsServer(true);
            String cas = stranger.certPem + "," + broker.certPem;
            StompClient c = connect(
                    server.host().withSsl(Optional.of(cas), path(client.certPem), path(client.rsaKeyPem), false));
            assertThat(c.isConnected()).isTrue();
            assertThat(PemFiles.privateKey(client.rsaKeyPem)).isEqualTo(client.key);
        }

        @Test
        void shouldRefuseABrokerWhoseCertificateTheCaDidNotSign() throws Exception {
            FakeStompServer server = tlsServer(false);
            StompHost host =
                    server.host().withSsl(path(stranger.certPem), path(client.certPem), path(client.keyPem), false);
            assertThatThrownBy(() -> connect(host))
                    .isInstanceOf(StompException.class)
                    .hasMessageContaining("after 2 attempts")
                    .hasMessageContaining("SSLHandshakeException");
        }
    }

    @Nested
    class Fallback {
        @Test
        void shouldRejectAnIncompleteSetupWithoutFallback() throws Exception {
            StompHost host = StompHost.plain("127.0.0.1", 61614, "u", "p")
                    .withSsl(path(broker.certPem), Optional.empty(), Optional.empty(), false);
            assertThatThrownBy(() -> new StompClient(
                            StompClientOptions.builder().host(host).build()))
                    .isInstanceOf(StompException.class)
                    .hasMessageContaining("cert, key and ca has to be supplied for verified SSL mode");
        }

        @Test
        void shouldNameAMissingFile() throws Exception {
            StompHost host = StompHost.plain("127.0.0.1", 61614, "u", "p")
                    .withSsl(path(broker.certPem), path(client.certPem), Optional.of("/nonexistent/key.pem"), false);
            assertThatThrownBy(() -> new StompClient(
                            StompClientOptions.builder().host(host).build()))
                    .isInstanceOf(StompException.class)
                    .hasMessageContaining("/nonexistent/key.pem");
        }

        @Test
        void shouldConnectUnverifiedWhenFallbackIsSetAndTheKeyIsMissing() throws Exception {
            FakeStompServer server = tlsServer(false);
            StompHost host =
                    server.host().withSsl(path(stranger.certPem), path(client.certPem), Optional.empty(), true);
            StompClient c = connect(host);
            c.send("/queue/x", Map.of(), new byte[] {1});
            FakeStompServer.Conn conn = server.awaitConnection();
            conn.nextFrame();
            assertThat(conn.nextFrame().command()).isEqualTo("SEND");
        }
    }
}
