package mcollective.plugins.security.ssl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;

import mcollective.SecurityValidationFailedException;
import mcollective.protocol.codec.RubyString;
import mcollective.spi.support.SecurityEnvelope;

/**
 * ssl's seal: {@code :hash} is {@code Base64.encode64} of the PKCS#1 v1.5 RSA signature with SHA-1 of the serialised
 * {@code :body} bytes ({@code MCollective::SSL#sign} and {@code #verify_signature}). SHA-1 is kept because Ruby peers
 * sign and verify with nothing else. Thread-safe: a {@link Signature} is made per call.
 */
final class RsaSha1Seal implements SecurityEnvelope.Seal {
    static final String INVALID = "Received an invalid signature in message";
    private static final String ALGORITHM = "SHA1withRSA";
    // Ruby's Base64.encode64: 60 characters a line, every line ended by "\n".
    private static final Base64.Encoder ENCODE64 = Base64.getMimeEncoder(60, new byte[] {'\n'});
    // Ruby's Base64.decode64 (unpack "m") skips whatever is not in the alphabet, as the MIME decoder does.
    private static final Base64.Decoder DECODE64 = Base64.getMimeDecoder();

    private final PrivateKey signing;
    private final Function<SecurityEnvelope.Received, PublicKey> verifying;

    /**
     * @param signing   the key outgoing bodies are signed with
     * @param verifying the key a received envelope must be signed with; it throws
     *                  {@link SecurityValidationFailedException} when there is none for the sender
     */
    RsaSha1Seal(PrivateKey signing, Function<SecurityEnvelope.Received, PublicKey> verifying) {
        this.signing = signing;
        this.verifying = verifying;
    }

    /** {@code :hash} after the base keys, as ssl.rb sets {@code req[:hash]} on the result of {@code create_*}. */
    @Override
    public byte[] seal(byte[] body, Map<Object, Object> envelope) {
        envelope.put(SecurityEnvelope.HASH, RubyString.ascii(sign(signing, body)));
        return body;
    }

    /** {@code validrequest?}: the {@code :hash} must be the sender's signature of the {@code :body} bytes. */
    @Override
    public byte[] open(SecurityEnvelope.Received envelope) {
        byte[] body = envelope.bytes(SecurityEnvelope.BODY);
        Object hash = envelope.get(SecurityEnvelope.HASH);
        byte[] encoded;
        if (hash instanceof String text) {
            encoded = text.getBytes(StandardCharsets.ISO_8859_1);
        } else if (hash instanceof byte[] bytes) {
            encoded = bytes;
        } else {
            throw new SecurityValidationFailedException(INVALID);
        }
        byte[] signature;
        try {
            signature = DECODE64.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new SecurityValidationFailedException(INVALID);
        }
        if (!verify(verifying.apply(envelope), signature, body)) {
            throw new SecurityValidationFailedException(INVALID);
        }
        return body;
    }

    /** {@code Base64.encode64(key.sign(SHA1, data))}. */
    static String sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(data);
            byte[] raw = signature.sign();
            return raw.length == 0 ? "" : ENCODE64.encodeToString(raw) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with " + ALGORITHM + ": " + e.getMessage(), e);
        }
    }

    /** {@code key.verify(SHA1, signature, data)}; a malformed signature does not verify. */
    static boolean verify(PublicKey key, byte[] signature, byte[] data) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
