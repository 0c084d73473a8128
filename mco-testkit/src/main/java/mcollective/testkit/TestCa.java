package mcollective.testkit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made at test time with Bouncy Castle, writing PEM files into a folder: its own
 * certificate ({@link #caPem()}), leaf certificates for nodes and clients (RSA or EC, current, expired, with an
 * encrypted key) and a CRL ({@link #crlPem()}) that {@link #revoke} rewrites. Two instances are two unrelated CAs, so a
 * leaf of one is "from another CA" to the other. Thread-safe.
 */
public final class TestCa {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration DAY = Duration.ofDays(1);

    /**
     * A certificate and its key, with their PEM files.
     *
     * @param name    the subject CN
     * @param cert    the certificate
     * @param key     its private key
     * @param certPem the certificate's PEM file
     * @param keyPem  the key's PEM file (PKCS#8; encrypted when made by {@link #issueEncrypted})
     */
    public record Leaf(String name, X509Certificate cert, PrivateKey key, Path certPem, Path keyPem) {}

    private final Path dir;
    private final String name;
    private final KeyPair caKeys;
    private final X509Certificate caCert;
    private final Path caPem;
    private final Path crlPem;
    private final AtomicLong serial = new AtomicLong(System.nanoTime() & 0xffffffffL);
    private final List<BigInteger> revoked = new ArrayList<>();

    private TestCa(Path dir, String name) {
        this.dir = dir;
        this.name = name;
        try {
            Files.createDirectories(dir);
            caKeys = rsa();
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=" + name);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject,
                    BigInteger.valueOf(serial.incrementAndGet()),
                    Date.from(now.minus(DAY)),
                    Date.from(now.plus(DAY.multipliedBy(30))),
                    subject,
                    caKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(
                    Extension.subjectKeyIdentifier,
                    false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(caKeys.getPublic()));
            caCert = new JcaX509CertificateConverter().getCertificate(builder.build(signer()));
            caPem = write(dir.resolve(name + "-ca.pem"), caCert);
            crlPem = dir.resolve(name + "-crl.pem");
            writeCrl();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the test CA " + name, e);
        }
    }

    /** A new CA called {@code name}, writing its files under {@code dir}. */
    public static TestCa create(Path dir, String name) {
        return new TestCa(dir, name);
    }

    public X509Certificate caCert() {
        return caCert;
    }

    /** The CA certificate's PEM file (what {@code plugin.x509.ca} names). */
    public Path caPem() {
        return caPem;
    }

    /** The CA's current CRL, empty until {@link #revoke} (what {@code plugin.x509.crl} names). */
    public Path crlPem() {
        return crlPem;
    }

    /** An RSA-2048 leaf for {@code cn}, valid from yesterday to tomorrow, with DNS SANs {@code sans}. */
    public Leaf issue(String cn, String... sans) {
        return issue(cn, rsaUnchecked(), Instant.now().minus(DAY), Instant.now().plus(DAY), null, sans);
    }

    /** An EC (P-256) leaf for {@code cn}. */
    public Leaf issueEc(String cn, String... sans) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return issue(
                    cn,
                    generator.generateKeyPair(),
                    Instant.now().minus(DAY),
                    Instant.now().plus(DAY),
                    null,
                    sans);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A leaf for {@code cn} that expired yesterday. */
    public Leaf issueExpired(String cn) {
        return issue(
                cn,
                rsaUnchecked(),
                Instant.now().minus(DAY.multipliedBy(3)),
                Instant.now().minus(DAY),
                null);
    }

    /** A leaf for {@code cn} whose key file is encrypted PKCS#8 (AES-256-CBC) with {@code password}. */
    public Leaf issueEncrypted(String cn, String password) {
        return issue(cn, rsaUnchecked(), Instant.now().minus(DAY), Instant.now().plus(DAY), password);
    }

    /** Adds {@code leaf} to the CRL and rewrites {@link #crlPem()}. */
    public synchronized void revoke(Leaf leaf) {
        revoked.add(leaf.cert().getSerialNumber());
        try {
            writeCrl();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Leaf issue(String cn, KeyPair keys, Instant from, Instant until, String password, String... sans) {
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    caCert,
                    BigInteger.valueOf(serial.incrementAndGet()),
                    Date.from(from),
                    Date.from(until),
                    new X500Name("CN=" + cn),
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            if (sans.length > 0) {
                GeneralName[] names = new GeneralName[sans.length];
                for (int i = 0; i < sans.length; i++) {
                    names[i] = new GeneralName(GeneralName.dNSName, sans[i]);
                }
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer()));
            String file = name + "-" + cn + "-" + cert.getSerialNumber();
            Path certPem = write(dir.resolve(file + "-cert.pem"), cert);
            Path keyPem = dir.resolve(file + "-key.pem");
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                if (password == null) {
                    writer.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
                } else {
                    writer.writeObject(new JcaPKCS8Generator(
                            keys.getPrivate(),
                            new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                                    .setProvider(new BouncyCastleProvider())
                                    .setRandom(RANDOM)
                                    .setPassword(password.toCharArray())
                                    .build()));
                }
            }
            Files.writeString(keyPem, out.toString(), StandardCharsets.US_ASCII);
            return new Leaf(cn, cert, keys.getPrivate(), certPem, keyPem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a test certificate for " + cn, e);
        }
    }

    private void writeCrl() throws IOException, GeneralSecurityException, OperatorCreationException {
        Instant now = Instant.now();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(new X500Name("CN=" + name), Date.from(now.minusSeconds(60)));
        builder.setNextUpdate(Date.from(now.plus(DAY)));
        for (BigInteger number : revoked) {
            builder.addCRLEntry(number, Date.from(now.minusSeconds(60)), CRLReason.keyCompromise);
        }
        X509CRL crl = new JcaX509CRLConverter().getCRL(builder.build(signer()));
        // written beside and moved, so a reader never sees half a CRL
        Path tmp = write(dir.resolve(name + "-crl.pem.tmp"), crl);
        Files.move(tmp, crlPem, StandardCopyOption.REPLACE_EXISTING);
    }

    private ContentSigner signer() throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate());
    }

    private static Path write(Path file, Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return Files.writeString(file, out.toString(), StandardCharsets.US_ASCII);
    }

    private static KeyPair rsaUnchecked() {
        try {
            return rsa();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        return generator.generateKeyPair();
    }
}
