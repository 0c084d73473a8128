package mcollective.plugins.security.x509;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** The names a certificate gives its holder: the subject CN, and the DNS names of its subjectAltName. */
final class CertificateNames {
    private static final int DNS_NAME = 2;

    private CertificateNames() {}

    /** The subject's (first) CN, if it has one. */
    static Optional<String> commonName(X509Certificate certificate) {
        RDN[] cns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                .getRDNs(BCStyle.CN);
        if (cns.length == 0 || cns[0].getFirst() == null) {
            return Optional.empty();
        }
        return Optional.of(IETFUtils.valueToString(cns[0].getFirst().getValue()));
    }

    /** Whether {@code identity} is the certificate's CN or one of its DNS SANs. */
    static boolean names(X509Certificate certificate, String identity) {
        if (commonName(certificate).equals(Optional.of(identity))) {
            return true;
        }
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            return sans != null
                    && sans.stream()
                            .anyMatch(san -> san.size() == 2
                                    && Integer.valueOf(DNS_NAME).equals(san.get(0))
                                    && identity.equalsIgnoreCase(String.valueOf(san.get(1))));
        } catch (CertificateParsingException e) {
            return false;
        }
    }
}
