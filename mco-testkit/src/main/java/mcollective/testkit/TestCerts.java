package mcollective.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed RSA certificate made at test time with the JDK's keytool (SAN 127.0.0.1 and localhost), with PEM
 * exports of the certificate and of the key in PKCS#8 and PKCS#1 form.
 */
public final class TestCerts {
    private static final char[] PASS = "changeit".toCharArray();

    public final X509Certificate cert;
    public final PrivateKey key;
    public final Path certPem;
    public final Path keyPem;
    public final Path rsaKeyPem;

    private TestCerts(Path dir, String name) throws IOException, GeneralSecurityException, InterruptedException {
        Path store = dir.resolve(name + ".p12");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        name,
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-dname",
                        "CN=" + name,
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("keytool failed: " + output);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASS);
        }
        cert = (X509Certificate) ks.getCertificate(name);
        key = (PrivateKey) ks.getKey(name, PASS);
        certPem = write(dir.resolve(name + "-cert.pem"), "CERTIFICATE", cert.getEncoded());
        keyPem = write(dir.resolve(name + "-key.pem"), "PRIVATE KEY", key.getEncoded());
        rsaKeyPem = write(dir.resolve(name + "-rsa-key.pem"), "RSA PRIVATE KEY", pkcs1(key.getEncoded()));
    }

    public static TestCerts create(Path dir, String name) throws Exception {
        return new TestCerts(dir, name);
    }

    /** A server context presenting this certificate and trusting the given client certificates. */
    public SSLContext serverContext(List<X509Certificate> trustedClients) throws GeneralSecurityException, IOException {
        KeyStore identity = KeyStore.getInstance("PKCS12");
        identity.load(null, null);
        identity.setKeyEntry("server", key, PASS, new X509Certificate[] {cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(identity, PASS);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (int i = 0; i < trustedClients.size(); i++) {
            trust.setCertificateEntry("client" + i, trustedClients.get(i));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private static Path write(Path file, String type, byte[] der) throws IOException {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n");
        return file;
    }

    /** The RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: skip version and algorithm, unwrap the OCTET STRING. */
    public static byte[] pkcs1(byte[] pkcs8) {
        int[] pos = {0};
        header(pkcs8, pos); // outer SEQUENCE
        skip(pkcs8, pos); // version INTEGER
        skip(pkcs8, pos); // AlgorithmIdentifier SEQUENCE
        int len = header(pkcs8, pos); // OCTET STRING
        return Arrays.copyOfRange(pkcs8, pos[0], pos[0] + len);
    }

    private static void skip(byte[] der, int[] pos) {
        int len = header(der, pos);
        pos[0] += len;
    }

    /** Reads a DER tag and length, leaves pos at the content, returns the content length. */
    private static int header(byte[] der, int[] pos) {
        pos[0]++; // tag
        int first = der[pos[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int len = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            len = (len << 8) | (der[pos[0]++] & 0xff);
        }
        return len;
    }
}
