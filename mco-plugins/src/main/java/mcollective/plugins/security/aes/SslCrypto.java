package mcollective.plugins.security.aes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The envelope encryption of {@code MCollective::SSL} ({@code ssl.rb}) as aes_security uses it: a random 32-byte
 * key {@code k} ({@code cipher.random_key}); the body is AES-256-CBC with PKCS#7 padding under the key and IV that
 * {@code cipher.pkcs5_keyivgen(k)} derives, which is OpenSSL's {@code EVP_BytesToKey(MD5, no salt, 2048 rounds)};
 * {@code k} itself is RSA-encrypted with PKCS#1 v1.5 padding, with a private key ({@code private_encrypt}, block
 * type 1) or a public one ({@code public_encrypt}, block type 2). Both travel as Ruby's {@code Base64.encode64}
 * text. Thread-safe.
 */
final class SslCrypto {
    static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 16;
    private static final int ROUNDS = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODE64 = Base64.getMimeEncoder(60, "\n".getBytes(StandardCharsets.US_ASCII));

    private SslCrypto() {}

    /** An encrypted body and its RSA-encrypted key, both as {@code Base64.encode64} text. */
    record Sealed(String key, String data) {}

    /** The RSA step failed: the key does not fit this ciphertext (Ruby's {@code OpenSSL::PKey::RSAError}). */
    static final class RsaException extends Exception {
        private static final long serialVersionUID = 1L;

        RsaException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A fresh random AES key, as {@code cipher.random_key}. */
    static byte[] randomSecret() {
        byte[] secret = new byte[KEY_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /**
     * Encrypts {@code plain} under the AES key {@code secret} (from {@link #randomSecret}), sealed with
     * {@code rsaKey}: a private key signs it ({@code encrypt_with_private}), a public one encrypts it
     * ({@code encrypt_with_public}).
     */
    static Sealed encrypt(byte[] plain, Key rsaKey, byte[] secret) {
        try {
            byte[] data = aes(Cipher.ENCRYPT_MODE, secret, plain);
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.ENCRYPT_MODE, rsaKey);
            return new Sealed(encode64(rsa.doFinal(secret)), encode64(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt with " + rsaKey.getAlgorithm() + " key: " + e, e);
        }
    }

    /**
     * Decrypts a {@link Sealed} body: the key with {@code rsaKey} (a public key undoes {@code private_encrypt}, a
     * private key undoes {@code public_encrypt}), then the body.
     *
     * @throws RsaException             when {@code rsaKey} does not open the key (another sender, another client)
     * @throws GeneralSecurityException when the body does not decrypt under the key (tampered or truncated)
     */
    static byte[] decrypt(String key, String data, Key rsaKey) throws RsaException, GeneralSecurityException {
        byte[] secret;
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.DECRYPT_MODE, rsaKey);
            secret = rsa.doFinal(decode64(key));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new RsaException("RSA decryption of :sslkey failed: " + e.getMessage(), e);
        }
        byte[] crypted;
        try {
            crypted = decode64(data);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException(":body is not Base64: " + e.getMessage(), e);
        }
        return aes(Cipher.DECRYPT_MODE, secret, crypted);
    }

    private static byte[] aes(int mode, byte[] secret, byte[] input) throws GeneralSecurityException {
        byte[] keyIv = bytesToKey(secret);
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(
                mode, new SecretKeySpec(keyIv, 0, KEY_BYTES, "AES"), new IvParameterSpec(keyIv, KEY_BYTES, IV_BYTES));
        return cipher.doFinal(input);
    }

    /**
     * OpenSSL's {@code EVP_BytesToKey(EVP_aes_256_cbc(), EVP_md5(), NULL, password, 2048)}: 32 key bytes followed by
     * 16 IV bytes, each MD5 block hashed 2048 times over the previous block and the password.
     */
    static byte[] bytesToKey(byte[] password) {
        MessageDigest md5 = md5();
        byte[] out = new byte[KEY_BYTES + IV_BYTES];
        byte[] block = new byte[0];
        for (int filled = 0; filled < out.length; filled += block.length) {
            md5.update(block);
            md5.update(password);
            block = md5.digest();
            for (int round = 1; round < ROUNDS; round++) {
                block = md5.digest(block);
            }
            System.arraycopy(block, 0, out, filled, Math.min(block.length, out.length - filled));
        }
        return out;
    }

    /** Ruby's {@code Base64.encode64}: lines of 60 characters, each ended by a newline; "" for no bytes. */
    static String encode64(byte[] bytes) {
        return bytes.length == 0 ? "" : ENCODE64.encodeToString(bytes) + "\n";
    }

    /** Ruby's lenient {@code Base64.decode64}: characters outside the alphabet are skipped. */
    static byte[] decode64(String text) {
        return Base64.getMimeDecoder().decode(text);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
