package mcollective.plugins.security.aes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.SecurityValidationFailedException;
import mcollective.logging.LogSafe;
import mcollective.plugins.security.KeyFiles;

/**
 * The certificates of the senders a node trusts: {@code <plugin.aes.client_cert_dir>/<name>.pem} for the callerid
 * {@code cert=<name>}, optionally checked against {@code plugin.aes.ca_cert}, and learnt from {@code :sslpubkey}
 * when {@code plugin.aes.learn_pubkeys} is on. Keys are cached per file and re-read when the file changes. Names are
 * confined to {@code [\w.-]+}, so no callerid reaches a file outside the directory. Thread-safe.
 */
final class ClientCerts {
    private static final Logger LOG = LoggerFactory.getLogger(ClientCerts.class);
    /** {@code certname_from_callerid}, anchored at both ends (Ruby's regexp has no end anchor). */
    private static final Pattern CALLERID = Pattern.compile("cert=([\\w.\\-]+)");
    /** The start of {@code certname_from_certificate}'s {@code /^\/CN=([\w\.\-]+)/}. */
    private static final Pattern CN_PREFIX = Pattern.compile("^[\\w.\\-]+");

    private final Path dir;
    private final Optional<Path> caCert;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(FileTime modified, long size, PublicKey key) {}

    ClientCerts(Path dir, Optional<Path> caCert) {
        this.dir = dir.toAbsolutePath().normalize();
        this.caCert = caCert;
    }

    /** The certificate directory. */
    Path dir() {
        return dir;
    }

    /** {@code <name>} of a callerid {@code cert=<name>}; anything else is refused, as Ruby refuses it. */
    static String certname(String callerId) {
        Matcher m = CALLERID.matcher(callerId);
        if (!m.matches()) {
            throw new SecurityValidationFailedException(
                    "Received a callerid in an unexpected format: '" + callerId + "', ignoring");
        }
        return m.group(1);
    }

    /** The file that holds the certificate of {@code callerId}; never outside the directory. */
    Path fileFor(String callerId) {
        Path file = dir.resolve(certname(callerId) + ".pem").normalize();
        if (!file.getParent().equals(dir)) {
            throw new SecurityValidationFailedException("Refusing callerid '" + callerId + "': its file " + file
                    + " is not in plugin.aes.client_cert_dir " + dir);
        }
        return file;
    }

    /**
     * The public key that opens requests from {@code callerId}, validated against the CA first when
     * {@code plugin.aes.ca_cert} is set.
     */
    PublicKey publicKeyOf(String callerId) {
        Path file = fileFor(callerId);
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new SecurityValidationFailedException(
                    "No certificate for callerid '" + callerId + "': " + file + " does not exist");
        } catch (IOException e) {
            throw new SecurityValidationFailedException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Cached cached = cache.get(file);
        if (cached != null && cached.modified.equals(modified) && cached.size == size) {
            return cached.key;
        }
        PublicKey key;
        try {
            if (caCert.isPresent()) {
                String pem = Files.readString(file, StandardCharsets.US_ASCII);
                validate(pem, certname(callerId), file.toString());
            }
            key = KeyFiles.publicKey(file);
        } catch (IOException | McollectiveException e) {
            throw new SecurityValidationFailedException(
                    "Unable to use the certificate of '" + callerId + "': " + e.getMessage(), e);
        }
        cache.put(file, new Cached(modified, size, key));
        return key;
    }

    /**
     * Stores a certificate received in {@code :sslpubkey} as {@code <dir>/<certname>.pem} unless that file exists
     * (an existing key is never replaced, as in Ruby); validated against the CA unless {@code insecure}.
     */
    void learn(String callerId, String pem, boolean insecure) {
        Path file = fileFor(callerId);
        if (Files.exists(file)) {
            LOG.debug("Not caching client cert. File {} already exists.", file);
            return;
        }
        String certname = certname(callerId);
        if (!insecure) {
            if (caCert.isEmpty()) {
                throw new SecurityValidationFailedException(
                        "Cannot verify certificate for '" + certname + "'. No CA certificate specified.");
            }
            validate(pem, certname, "the :sslpubkey of " + callerId);
            LOG.debug("Verified certificate '{}' against CA", certname);
        } else {
            KeyFiles.publicKey(pem, "the :sslpubkey of " + callerId); // refuse what could never be used
            LOG.warn("Insecure key learning is not a secure method of key distribution. Do NOT use this mode in"
                    + " sensitive environments.");
        }
        store(file, pem);
    }

    private void store(Path file, String pem) {
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, ".learn-", ".tmp");
            Files.writeString(temp, pem, StandardCharsets.UTF_8);
            Files.createLink(file, temp); // atomic, and fails rather than replace a key that appeared meanwhile
            LOG.info("Cached the certificate of a new client in {}", file);
        } catch (FileAlreadyExistsException e) {
            LOG.debug("Not caching client cert. File {} already exists.", file);
        } catch (IOException | UnsupportedOperationException e) {
            throw new SecurityValidationFailedException(
                    "Cannot cache the client certificate in " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("Cannot remove {}: {}", temp, LogSafe.of(e.getMessage()));
                }
            }
        }
    }

    /**
     * {@code validate_certificate}: {@code pem} must be an X509 certificate whose subject starts with the CN
     * {@code certname} and that chains to a certificate of {@code plugin.aes.ca_cert}, within its validity.
     */
    void validate(String pem, String certname, String origin) {
        X509Certificate cert;
        try {
            cert = KeyFiles.certificates(pem, origin).get(0);
        } catch (McollectiveException e) {
            throw new SecurityValidationFailedException("Received public key that is not a X509 certficate: " + origin);
        }
        String name = certnameOf(cert);
        if (!certname.equals(name)) {
            throw new SecurityValidationFailedException(
                    "certname '" + certname + "' doesn't match certificate '" + name + "'");
        }
        Path ca = caCert.orElseThrow();
        try {
            List<X509Certificate> anchors = KeyFiles.certificates(ca);
            Set<TrustAnchor> trust =
                    anchors.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet());
            PKIXParameters params = new PKIXParameters(trust);
            params.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(cert)), params);
        } catch (McollectiveException e) {
            throw new SecurityValidationFailedException("plugin.aes.ca_cert: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SecurityValidationFailedException(
                    "Unable to validate certificate '" + certname + "' against CA " + ca + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code certname_from_certificate}: the leading {@code [\w.-]+} of the subject's first RDN, which must be a CN
     * (OpenSSL prints the subject in DER order, {@code /CN=name/...}).
     *
     * @throws McollectiveException when the subject does not start with a usable CN
     */
    static String certnameOf(X509Certificate cert) {
        X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        RDN[] rdns = subject.getRDNs();
        if (rdns.length > 0 && rdns[0].getFirst().getType().equals(BCStyle.CN)) {
            ASN1Encodable value = rdns[0].getFirst().getValue();
            String text = value instanceof ASN1String s ? s.getString() : value.toString();
            Matcher m = CN_PREFIX.matcher(text);
            if (m.find()) {
                return m.group();
            }
        }
        throw new McollectiveException("Received a callerid in an unexpected format in an SSL certificate: '"
                + cert.getSubjectX500Principal() + "', ignoring");
    }
}
