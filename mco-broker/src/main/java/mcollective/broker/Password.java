package mcollective.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import mcollective.McollectiveException;

/**
 * How a broker login's passcode is checked: against the password itself, or against a PBKDF2 hash written
 * {@code pbkdf2-sha256:<iterations>:<base64 salt>:<base64 hash>} (what {@link #hash} makes). Artemis keeps a
 * successful login in its authentication cache for a while, so a reconnecting fleet does not pay the hash on every
 * CONNECT. Immutable and thread-safe.
 */
public final class Password {
    static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int DEFAULT_ITERATIONS = 210_000;
    private static final int MIN_ITERATIONS = 1_000;

    private final byte[] plain;
    private final byte[] salt;
    private final byte[] hash;
    private final int iterations;

    private Password(byte[] plain, byte[] salt, byte[] hash, int iterations) {
        this.plain = plain;
        this.salt = salt;
        this.hash = hash;
        this.iterations = iterations;
    }

    /** The password itself. */
    public static Password plain(String password) {
        return new Password(
                Objects.requireNonNull(password, "password").getBytes(StandardCharsets.UTF_8), null, null, 0);
    }

    /**
     * A password given by its hash.
     *
     * @param origin names the setting in the message should {@code spec} not be a hash this class made
     */
    public static Password hashed(String spec, String origin) {
        String[] parts = spec.strip().split(":", -1);
        String problem = null;
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            problem = "expected " + SCHEME + ":<iterations>:<base64 salt>:<base64 hash>";
        } else {
            try {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] hash = Base64.getDecoder().decode(parts[3]);
                if (iterations < MIN_ITERATIONS || salt.length < 8 || hash.length < 16) {
                    problem = "at least " + MIN_ITERATIONS + " iterations, 8 bytes of salt and 16 of hash needed";
                } else {
                    return new Password(null, salt, hash, iterations);
                }
            } catch (IllegalArgumentException e) {
                problem = "bad number or base64: " + e.getMessage();
            }
        }
        throw new McollectiveException(origin + ": not a password hash (" + problem + ")");
    }

    /** A new hash of {@code password} with a random salt, in the form {@link #hashed} reads. */
    public static String hash(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + ":" + DEFAULT_ITERATIONS + ":" + b64.encodeToString(salt) + ":"
                + b64.encodeToString(pbkdf2(password, salt, DEFAULT_ITERATIONS, 32));
    }

    /** Whether {@code passcode} is this password; null never is. */
    boolean matches(String passcode) {
        if (passcode == null) {
            return false;
        }
        if (plain != null) {
            return MessageDigest.isEqual(plain, passcode.getBytes(StandardCharsets.UTF_8));
        }
        return MessageDigest.isEqual(hash, pbkdf2(passcode, salt, iterations, hash.length));
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations, int bytes) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bytes * 8);
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new McollectiveException("Cannot compute " + ALGORITHM + ": " + e.getMessage(), e);
        }
    }

    /** Prints a hash of the password given as the only argument, or read from standard input. */
    public static void main(String[] args) throws IOException {
        String password =
                args.length > 0 ? args[0] : new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
        System.out.println(hash(password));
    }
}
