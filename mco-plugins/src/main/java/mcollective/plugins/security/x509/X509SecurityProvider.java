package mcollective.plugins.security.x509;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import mcollective.McollectiveException;
import mcollective.SecurityValidationFailedException;
import mcollective.config.PluginConfig;
import mcollective.plugins.security.KeyFiles;
import mcollective.spi.PluginContext;
import mcollective.spi.support.SecurityEnvelope;

/**
 * {@code securityprovider = x509}: every client and every node signs with its own key, and holds a certificate from
 * a CA the fleet trusts ({@code plugin.x509.ca}); there is no shared key. A request's callerid is
 * {@code x509=<CN>} of the caller's certificate, which travels in the request ({@code :certificate}) or is found in
 * {@code plugin.x509.cert_dir}; a reply is signed by the node's certificate, which must name the node (CN or DNS SAN
 * equal to its identity). Certificates are validated by PKIX against the CA, with the CRLs of
 * {@code plugin.x509.crl}. Not a port: MCollective 2.12.5 has no such plugin (docs/x509-security.md).
 */
public final class X509SecurityProvider extends SignedSecurityProvider {
    /** What may follow {@code x509=} and name a file in {@code cert_dir}: no path separators, no leading dot. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private TrustedCa ca;
    private Optional<Path> certDir = Optional.empty();

    @Override
    public String name() {
        return "x509";
    }

    @Override
    public void init(PluginContext context) {
        PluginConfig config = context.pluginConfig();
        Map<String, String> env = context.env();
        Path caFile = path(config, "ca", Optional.empty());
        List<X509Certificate> trusted = read("ca", () -> KeyFiles.certificates(caFile));
        Optional<Path> crl = config.get("crl").map(Path::of);
        ca = new TrustedCa(trusted, crl, "plugin.x509.crl", context.clock());
        certDir = config.get("cert_dir").map(Path::of);
        certDir.ifPresent(dir -> {
            if (!Files.isDirectory(dir)) {
                throw new McollectiveException("plugin.x509.cert_dir = " + dir + ": not a directory");
            }
        });
        Path certFile = path(config, "certificate", Optional.ofNullable(env.get("MCOLLECTIVE_X509_CERTIFICATE")));
        Path keyFile = path(config, "key", Optional.ofNullable(env.get("MCOLLECTIVE_X509_KEY")));
        List<X509Certificate> chain = read("certificate", () -> KeyFiles.certificates(certFile));
        PrivateKey key = read("key", () -> KeyFiles.privateKey(keyFile, password(config)));
        checkPair(key, chain.get(0), "plugin.x509.key = " + keyFile, "plugin.x509.certificate = " + certFile);
        try {
            ca.check(chain, context.clock().instant(), "this process");
        } catch (SecurityValidationFailedException e) {
            throw new McollectiveException(
                    "plugin.x509.certificate = " + certFile + ": not trusted by plugin.x509.ca = " + caFile + ": "
                            + e.getMessage(),
                    e);
        }
        String pem = read("certificate", () -> readString(certFile));
        configure(chain.get(0), key, config.getBool("send_certificate", true) ? pem : null, certFile.toString());
    }

    /**
     * An x509 provider made from keys in memory, for benchmarks and tests: it trusts {@code trusted}, signs with
     * {@code key} as {@code certificate} (sent with every message) and checks no CRL. Unlike {@link #init} it does
     * not check that the certificate itself is trusted.
     */
    public static X509SecurityProvider create(
            List<X509Certificate> trusted, X509Certificate certificate, PrivateKey key, Clock clock) {
        X509SecurityProvider provider = new X509SecurityProvider();
        provider.ca = new TrustedCa(trusted, Optional.empty(), "plugin.x509.crl", clock);
        provider.configure(
                certificate, key, Pem.of(certificate), "certificate " + certificate.getSubjectX500Principal());
        return provider;
    }

    private void configure(X509Certificate certificate, PrivateKey key, String pemToSend, String origin) {
        String cn = CertificateNames.commonName(certificate)
                .filter(name -> NAME.matcher(name).matches())
                .orElseThrow(() -> new McollectiveException(origin + ": the subject "
                        + certificate.getSubjectX500Principal().getName()
                        + " has no CN usable as a callerid (letters, digits, '_', '.', '-')"));
        signWith(new Identity(key, "x509=" + cn, Optional.ofNullable(pemToSend)), origin);
    }

    @Override
    protected PublicKey callerKey(String callerId, SecurityEnvelope.Received envelope) {
        if (!callerId.startsWith("x509=")) {
            throw new SecurityValidationFailedException("Caller " + callerId + " is not an x509=<CN> callerid");
        }
        String name = callerId.substring("x509=".length());
        X509Certificate leaf = ca.validate(certificateOf(envelope, name, "caller " + callerId), callerId);
        Optional<String> cn = CertificateNames.commonName(leaf);
        if (!cn.equals(Optional.of(name))) {
            throw new SecurityValidationFailedException(
                    "Callerid " + callerId + " does not match its certificate's CN " + cn.orElse("(none)"));
        }
        return leaf.getPublicKey();
    }

    @Override
    protected PublicKey senderKey(String senderId, SecurityEnvelope.Received envelope) {
        X509Certificate leaf = ca.validate(certificateOf(envelope, senderId, "node " + senderId), "node " + senderId);
        if (!CertificateNames.names(leaf, senderId)) {
            throw new SecurityValidationFailedException("Reply from " + senderId + " is signed by a certificate for "
                    + leaf.getSubjectX500Principal().getName() + ", which does not name " + senderId);
        }
        return leaf.getPublicKey();
    }

    /** The PEM the message carries, or else {@code cert_dir/<name>.pem}. */
    private String certificateOf(SecurityEnvelope.Received envelope, String name, String who) {
        Object sent = envelope.get(CERTIFICATE);
        if (sent instanceof String pem) {
            return pem;
        }
        if (sent instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        if (sent != null) {
            throw new SecurityValidationFailedException(
                    "Message from " + who + " has a :certificate that is not a String");
        }
        if (certDir.isEmpty()) {
            throw new SecurityValidationFailedException(
                    "Message from " + who + " carries no :certificate and plugin.x509.cert_dir is not set");
        }
        if (!NAME.matcher(name).matches()) {
            throw new SecurityValidationFailedException("Message from " + who + " names no usable certificate file");
        }
        Path file = certDir.get().resolve(name + ".pem");
        try {
            return readString(file);
        } catch (McollectiveException e) {
            throw new SecurityValidationFailedException("Message from " + who
                    + " carries no :certificate and plugin.x509.cert_dir has none: " + e.getMessage());
        }
    }

    private static Path path(PluginConfig config, String key, Optional<String> override) {
        return Path.of(override.or(() -> config.get(key))
                .orElseThrow(() -> new McollectiveException("plugin.x509." + key + " is not set; x509 needs it")));
    }

    private static char[] password(PluginConfig config) {
        Optional<String> literal = config.get("key_password");
        Optional<String> file = config.get("key_password_file");
        if (literal.isPresent() && file.isPresent()) {
            throw new McollectiveException(
                    "plugin.x509.key_password and plugin.x509.key_password_file are both set; use one");
        }
        if (file.isPresent()) {
            String text = read("key_password_file", () -> readString(Path.of(file.get())));
            return text.lines().findFirst().orElse("").toCharArray();
        }
        return literal.map(String::toCharArray).orElse(null);
    }

    /** Checks that {@code key} is the private half of {@code certificate}'s key, by signing and verifying. */
    static void checkPair(PrivateKey key, X509Certificate certificate, String keyOrigin, String certOrigin) {
        SignatureAlgorithm alg = SignatureAlgorithm.forKey(key, keyOrigin);
        byte[] probe = "mcollective key pair check".getBytes(StandardCharsets.US_ASCII);
        try {
            alg.verify(certificate.getPublicKey(), probe, alg.sign(key, probe), certOrigin);
        } catch (SecurityValidationFailedException e) {
            throw new McollectiveException(keyOrigin + ": not the key of " + certOrigin, e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new McollectiveException(file + ": no such file", e);
        } catch (IOException e) {
            throw new McollectiveException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Runs a read, putting the config key in front of the file's own message. */
    private static <T> T read(String key, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (McollectiveException e) {
            throw new McollectiveException("plugin.x509." + key + " = " + e.getMessage(), e);
        }
    }
}
