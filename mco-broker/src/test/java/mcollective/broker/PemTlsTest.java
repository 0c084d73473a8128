package mcollective.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.McollectiveException;

/** STOMP over TLS with the broker's certificate and key given as PEM files (ADR 012). */
class PemTlsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A self-signed certificate for 127.0.0.1 and its key, as PEM files. */
    private record Pem(X509Certificate cert, KeyPair keys, Path certFile, Path keyFile) {
        static Pem create(Path dir, String name) throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + name);
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject,
                    BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minusSeconds(60)),
                    Date.from(now.plus(Duration.ofDays(1))),
                    subject,
                    keys.getPublic());
            builder.addExtension(
                    Extension.subjectAlternativeName,
                    false,
                    new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            return new Pem(
                    cert, keys, write(dir.resolve(name + ".crt"), cert), write(dir.resolve(name + ".key"), keys));
        }

        private static Path write(Path file, Object object) throws IOException {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                    JcaPEMWriter pem = new JcaPEMWriter(out)) {
                pem.writeObject(object);
            }
            return file;
        }

        /** A client context trusting {@code server}, presenting this certificate if {@code present}. */
        SSLContext clientContext(Pem server, boolean present) throws GeneralSecurityException, IOException {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", server.cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyStore identity = KeyStore.getInstance("PKCS12");
            identity.load(null, null);
            identity.setKeyEntry("me", keys.getPrivate(), new char[0], new X509Certificate[] {cert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(identity, new char[0]);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(present ? kmf.getKeyManagers() : null, tmf.getTrustManagers(), null);
            return context;
        }
    }

    private static EmbeddedBroker broker(Pem server, Optional<Path> clientCa) {
        EmbeddedBroker broker = EmbeddedBroker.builder()
                .port(0)
                .user("u")
                .password("p")
                .tls(server.certFile(), server.keyFile(), clientCa)
                .build();
        broker.start();
        return broker;
    }

    private static RawStomp.Frame connectOverTls(SSLContext context, int port) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.startHandshake();
        try (RawStomp stomp = RawStomp.over(socket)) {
            return stomp.connect("u", "p", Map.of());
        }
    }

    @Test
    void shouldSpeakStompOverTlsWithTheCertificateAndKeyFromPemFiles(@TempDir Path dir) throws Exception {
        Pem server = Pem.create(dir, "broker");
        EmbeddedBroker broker = broker(server, Optional.empty());
        try {
            assertThat(connectOverTls(server.clientContext(server, false), broker.port())
                            .command())
                    .isEqualTo("CONNECTED");
        } finally {
            broker.stop();
        }
    }

    @Test
    void shouldNotAnswerAPlainConnectOnTheTlsPort(@TempDir Path dir) throws Exception {
        Pem server = Pem.create(dir, "broker");
        EmbeddedBroker broker = broker(server, Optional.empty());
        try (RawStomp plain = RawStomp.open(broker.host(), broker.port())) {
            plain.send("CONNECT", Map.of("login", "u", "passcode", "p"), new byte[0]);

            assertThat(plain.receive(WAIT).map(RawStomp.Frame::command)).isNotEqualTo(Optional.of("CONNECTED"));
        } finally {
            broker.stop();
        }
    }

    @Test
    void shouldRequireAClientCertificateSignedByTheGivenCa(@TempDir Path dir) throws Exception {
        Pem server = Pem.create(dir, "broker");
        Pem client = Pem.create(dir, "client");
        EmbeddedBroker broker = broker(server, Optional.of(client.certFile()));
        try {
            assertThat(connectOverTls(client.clientContext(server, true), broker.port())
                            .command())
                    .isEqualTo("CONNECTED");
            assertThatThrownBy(() -> connectOverTls(client.clientContext(server, false), broker.port()))
                    .as("no CONNECTED without a client certificate (TLS 1.3 reports it after the handshake)")
                    .isInstanceOfAny(SSLException.class, IOException.class, AssertionError.class);
        } finally {
            broker.stop();
        }
    }

    @Test
    void shouldNameTheKeyFileThatDoesNotBelongToTheCertificate(@TempDir Path dir) throws Exception {
        Pem server = Pem.create(dir, "broker");
        Pem other = Pem.create(dir, "other");

        assertThatThrownBy(() -> EmbeddedBroker.builder().tls(server.certFile(), other.keyFile(), Optional.empty()))
                .isInstanceOf(McollectiveException.class)
                .hasMessageContaining(other.keyFile().toString())
                .hasMessageContaining("does not belong");
    }

    @Test
    void shouldNameAFileWithoutACertificate(@TempDir Path dir) throws Exception {
        Pem server = Pem.create(dir, "broker");

        assertThatThrownBy(() -> EmbeddedBroker.builder().tls(server.keyFile(), server.keyFile(), Optional.empty()))
                .isInstanceOf(McollectiveException.class)
                .hasMessageContaining(server.keyFile() + ": holds no PEM certificate");
    }
}
