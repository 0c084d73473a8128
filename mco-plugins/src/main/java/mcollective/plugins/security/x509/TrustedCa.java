package mcollective.plugins.security.x509;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import mcollective.McollectiveException;
import mcollective.SecurityValidationFailedException;
import mcollective.plugins.security.KeyFiles;

/**
 * The CA a fleet trusts: PKIX validation (RFC 5280, the JDK's validator) of a certificate chain against the
 * configured trust anchors at the clock's time, with the configured CRLs, which are read again whenever the file
 * changes (its modification time, size or inode). Without a CRL file revocation is not checked; with one, a
 * certificate whose issuer has no current CRL in it is refused (fail closed). Accepted chains are remembered by
 * their PEM until the CRL file changes or a certificate in the chain expires, so a busy node validates each caller
 * once. Thread-safe.
 */
final class TrustedCa {
    private static final int CACHE_LIMIT = 4096;

    private final Set<TrustAnchor> anchors;
    private final Optional<Path> crlFile;
    private final String crlKey;
    private final Clock clock;
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    private volatile Crls crls;

    private record Crls(Object stamp, List<X509CRL> list) {}

    private record Accepted(X509Certificate leaf, Object crlStamp, Instant notBefore, Instant notAfter) {}

    /**
     * @param trusted the CA certificates (at least one)
     * @param crlFile the CRL file, when revocation is checked
     * @param crlKey  the config key naming the CRL file, for messages
     */
    TrustedCa(List<X509Certificate> trusted, Optional<Path> crlFile, String crlKey, Clock clock) {
        this.anchors = trusted.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toUnmodifiableSet());
        this.crlFile = crlFile;
        this.crlKey = crlKey;
        this.clock = clock;
        crlFile.ifPresent(file -> crls = load(file, stamp(file)));
    }

    /**
     * The leaf of the PEM chain {@code pem} (leaf first, then any intermediates) once it validates.
     *
     * @param who names the signer in messages
     * @throws SecurityValidationFailedException when it does not validate
     */
    X509Certificate validate(String pem, String who) {
        Instant now = clock.instant();
        Object stamp = currentCrls().map(Crls::stamp).orElse("none");
        Accepted known = accepted.get(pem);
        if (known != null
                && known.crlStamp().equals(stamp)
                && !now.isBefore(known.notBefore())
                && !now.isAfter(known.notAfter())) {
            return known.leaf();
        }
        List<X509Certificate> chain;
        try {
            chain = KeyFiles.certificates(pem, "the certificate of " + who);
        } catch (McollectiveException e) {
            throw new SecurityValidationFailedException(e.getMessage(), e);
        }
        check(chain, now, who);
        if (accepted.size() >= CACHE_LIMIT) {
            accepted.clear();
        }
        Instant notBefore = chain.stream()
                .map(c -> c.getNotBefore().toInstant())
                .max(Instant::compareTo)
                .get();
        Instant notAfter = chain.stream()
                .map(c -> c.getNotAfter().toInstant())
                .min(Instant::compareTo)
                .get();
        accepted.put(pem, new Accepted(chain.get(0), stamp, notBefore, notAfter));
        return chain.get(0);
    }

    /** Validates {@code chain} now, throwing {@link SecurityValidationFailedException} with PKIX's reason. */
    void check(List<X509Certificate> chain, Instant now, String who) {
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setDate(Date.from(now));
            Optional<Crls> current = currentCrls();
            if (current.isPresent()) {
                parameters.addCertStore(CertStore.getInstance(
                        "Collection",
                        new CollectionCertStoreParameters(current.get().list())));
                CertPathValidator validator = CertPathValidator.getInstance("PKIX");
                PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
                // CRLs from the file only: no OCSP, no fetching from distribution points
                revocation.setOptions(
                        EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK));
                parameters.addCertPathChecker(revocation);
                parameters.setRevocationEnabled(true);
                validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
            } else {
                parameters.setRevocationEnabled(false);
                CertPathValidator.getInstance("PKIX")
                        .validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
            }
        } catch (CertPathValidatorException e) {
            throw new SecurityValidationFailedException(
                    "The certificate of " + who + " ("
                            + chain.get(0).getSubjectX500Principal().getName() + ") is not trusted: " + reason(e),
                    e);
        } catch (GeneralSecurityException e) {
            throw new SecurityValidationFailedException(
                    "Cannot validate the certificate of " + who + ": " + e.getMessage(), e);
        }
    }

    private static String reason(CertPathValidatorException e) {
        if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
            return "expired";
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return "not yet valid";
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
            return "revoked";
        }
        return e.getMessage();
    }

    private Optional<Crls> currentCrls() {
        if (crlFile.isEmpty()) {
            return Optional.empty();
        }
        Path file = crlFile.get();
        Object stamp = stamp(file);
        Crls current = crls;
        if (!current.stamp().equals(stamp)) {
            synchronized (this) {
                current = crls;
                if (!current.stamp().equals(stamp)) {
                    current = load(file, stamp);
                    crls = current;
                }
            }
        }
        return Optional.of(current);
    }

    private Crls load(Path file, Object stamp) {
        try {
            return new Crls(stamp, KeyFiles.crls(file));
        } catch (McollectiveException e) {
            // fail closed: with the CRL unreadable, no certificate is accepted until it is fixed
            throw new SecurityValidationFailedException(crlKey + ": " + e.getMessage(), e);
        }
    }

    private Object stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(
                    attributes.lastModifiedTime(),
                    attributes.size(),
                    Objects.requireNonNullElse(attributes.fileKey(), "no-inode"));
        } catch (IOException e) {
            throw new SecurityValidationFailedException(crlKey + ": " + file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
