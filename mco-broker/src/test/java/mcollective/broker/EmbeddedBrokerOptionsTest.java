package mcollective.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.McollectiveException;

class EmbeddedBrokerOptionsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Nested
    class Persistence {
        @Test
        void shouldKeepAPersistentQueuedMessageAcrossARestartWhenGivenADataDir(@TempDir Path data) {
            EmbeddedBroker broker = EmbeddedBroker.builder()
                    .port(0)
                    .user("u")
                    .password("p")
                    .dataDir(data)
                    .build();
            broker.start();
            try {
                try (RawStomp sender = RawStomp.open(broker.host(), broker.port())) {
                    assertThat(sender.connect("u", "p", Map.of()).command()).isEqualTo("CONNECTED");
                    sender.sendTo(
                            "/queue/mcollective.nodes",
                            Map.of("mc_identity", "node1", "persistent", "true"),
                            "kept".getBytes(StandardCharsets.UTF_8));
                }
                broker.stop();
                broker.start();

                try (RawStomp node = RawStomp.open(broker.host(), broker.port())) {
                    assertThat(node.connect("u", "p", Map.of()).command()).isEqualTo("CONNECTED");
                    node.subscribe("/queue/mcollective.nodes", "1", Map.of("selector", "mc_identity = 'node1'"));
                    assertThat(node.receive(WAIT).orElseThrow().text()).isEqualTo("kept");
                }
            } finally {
                broker.stop();
            }
        }
    }

    @Nested
    class Tls {
        @Test
        void shouldSpeakStompOverTlsWithTheGivenKeyStore(@TempDir Path dir) throws Exception {
            Path keyStore = dir.resolve("broker.p12");
            Path trustStore = dir.resolve("trust.p12");
            Path cert = dir.resolve("broker.pem");
            keytool(
                    "-genkeypair",
                    "-alias",
                    "broker",
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-dname",
                    "CN=127.0.0.1",
                    "-validity",
                    "2",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    keyStore.toString(),
                    "-storepass",
                    "secret1");
            keytool(
                    "-exportcert",
                    "-rfc",
                    "-alias",
                    "broker",
                    "-keystore",
                    keyStore.toString(),
                    "-storepass",
                    "secret1",
                    "-file",
                    cert.toString());
            keytool(
                    "-importcert",
                    "-noprompt",
                    "-alias",
                    "broker",
                    "-file",
                    cert.toString(),
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    trustStore.toString(),
                    "-storepass",
                    "secret2");
            EmbeddedBroker broker = EmbeddedBroker.builder()
                    .port(0)
                    .user("u")
                    .password("p")
                    .keyStore(keyStore, "secret1")
                    .build();
            broker.start();
            try (RawStomp stomp = RawStomp.over(tlsSocket(trustStore, "secret2", broker.port()))) {
                assertThat(stomp.connect("u", "p", Map.of()).command()).isEqualTo("CONNECTED");
                stomp.subscribe("/topic/mcollective.discovery.agent", "1", Map.of());
                stomp.sendTo(
                        "/topic/mcollective.discovery.agent", Map.of(), "over tls".getBytes(StandardCharsets.UTF_8));
                assertThat(stomp.receive(WAIT).orElseThrow().text()).isEqualTo("over tls");
            } finally {
                broker.stop();
            }
        }

        @Test
        void shouldRefuseATrustStoreWithoutAKeyStore(@TempDir Path dir) {
            EmbeddedBroker.Builder builder = EmbeddedBroker.builder().trustStore(dir.resolve("trust.p12"), "x");

            assertThatThrownBy(builder::build)
                    .isInstanceOf(McollectiveException.class)
                    .hasMessageContaining("trust.p12");
        }

        private SSLSocket tlsSocket(Path trustStore, String password, int port) throws Exception {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(trustStore)) {
                trusted.load(in, password.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
            socket.startHandshake();
            return socket;
        }

        private void keytool(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>();
            command.add(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
            command.addAll(List.of(args));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue())
                    .as("keytool %s: %s", args[0], output)
                    .isZero();
        }
    }

    @Nested
    class Validation {
        @Test
        void shouldRejectAPortOutOfRange() {
            assertThatThrownBy(() -> EmbeddedBroker.builder().port(70000))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessageContaining("70000");
        }

        @Test
        void shouldNotBeStartedBeforeStartAndReportTheRequestedPort() {
            EmbeddedBroker broker = EmbeddedBroker.builder().port(61999).build();

            assertThat(broker.isStarted()).isFalse();
            assertThat(broker.port()).isEqualTo(61999);
        }
    }
}
