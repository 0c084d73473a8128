package mcollective.plugins.security.x509;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Optional;

import mcollective.McollectiveException;
import mcollective.SecurityValidationFailedException;

/**
 * The signature algorithms of a signed envelope, by the name carried in {@code :signature_algorithm}, each bound to
 * one key type so that a received name is checked against the signer's key (docs/x509-security.md §3).
 */
public enum SignatureAlgorithm {
    /** RSASSA-PSS (RFC 8017) with SHA-256, MGF1 with SHA-256, a 32-byte salt and trailer field 1; RSA keys. */
    RSASSA_PSS_SHA256("RSASSA-PSS-SHA256"),
    /** ECDSA with SHA-256 (FIPS 186-4), the signature DER-encoded as {@code Ecdsa-Sig-Value}; EC keys. */
    ECDSA_SHA256("ECDSA-SHA256");

    private final String wireName;

    SignatureAlgorithm(String wireName) {
        this.wireName = wireName;
    }

    /** The name in {@code :signature_algorithm}. */
    public String wireName() {
        return wireName;
    }

    /** The algorithm for a key; anything but RSA and EC is a configuration error naming {@code origin}. */
    public static SignatureAlgorithm forKey(Key key, String origin) {
        if (key instanceof RSAKey) {
            return RSASSA_PSS_SHA256;
        }
        if (key instanceof ECKey) {
            return ECDSA_SHA256;
        }
        throw new McollectiveException(
                origin + ": a " + key.getAlgorithm() + " key; only RSA and EC keys can sign messages");
    }

    /** The algorithm called {@code name} on the wire, if any. */
    public static Optional<SignatureAlgorithm> named(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
    }

    /** Signs {@code data}. */
    public byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = engine();
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new McollectiveException("Cannot sign with a " + key.getAlgorithm() + " key: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that {@code signature} over {@code data} was made with {@code key} by this algorithm.
     *
     * @throws SecurityValidationFailedException when it was not, or the key is of another type
     */
    public void verify(PublicKey key, byte[] data, byte[] signature, String signer) {
        if (forKey(key, signer) != this) {
            throw new SecurityValidationFailedException(
                    "Message from " + signer + " names " + wireName + " but the key is " + key.getAlgorithm());
        }
        boolean valid;
        try {
            Signature engine = engine();
            engine.initVerify(key);
            engine.update(data);
            valid = engine.verify(signature);
        } catch (InvalidKeyException e) {
            throw new SecurityValidationFailedException("Unusable key for " + signer + ": " + e.getMessage(), e);
        } catch (SignatureException e) {
            valid = false; // a malformed signature is a wrong one
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(wireName + " is missing from this JVM", e);
        }
        if (!valid) {
            throw new SecurityValidationFailedException("Received an invalid signature in message from " + signer);
        }
    }

    private Signature engine() throws GeneralSecurityException {
        if (this == ECDSA_SHA256) {
            return Signature.getInstance("SHA256withECDSA");
        }
        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        return pss;
    }
}
