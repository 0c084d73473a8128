package mcollective.chef;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;

import mcollective.McollectiveException;

/**
 * Signs Chef server API requests as {@code Mixlib::Authentication} does (reference/CHEF.md §3): protocols 1.0 and 1.1 (RSA
 * {@code private_encrypt} of the canonical string, PKCS#1 v1.5 type 1, no digest) and 1.3 ({@code SHA256withRSA}).
 * The signature is sent base64-encoded in 60-character {@code X-Ops-Authorization-N} headers. Thread-safe.
 */
final class ChefSigner {
    private static final DateTimeFormatter ISO8601 =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** The {@code X-Ops-Sign} protocol version. */
    enum Protocol {
        V1_0("1.0", "algorithm=sha1;version=1.0;"),
        V1_1("1.1", "algorithm=sha1;version=1.1;"),
        V1_3("1.3", "algorithm=sha256;version=1.3;");

        private final String version;
        private final String header;

        Protocol(String version, String header) {
            this.version = version;
            this.header = header;
        }

        /** {@code 1.0}, {@code 1.1} or {@code 1.3}; anything else names the choices. */
        static Protocol of(String version) {
            for (Protocol p : values()) {
                if (p.version.equals(version)) {
                    return p;
                }
            }
            throw new McollectiveException("Unsupported Chef signing protocol '" + version + "'; use 1.0, 1.1 or 1.3");
        }
    }

    private final String userId;
    private final PrivateKey key;
    private final Protocol protocol;
    private final Clock clock;

    ChefSigner(String userId, PrivateKey key, Protocol protocol, Clock clock) {
        this.userId = userId;
        this.key = key;
        this.protocol = protocol;
        this.clock = clock;
    }

    /**
     * The authentication headers for one request, in the order Chef's client sends them.
     *
     * @param path             the request path as sent (with any organisation prefix), query string allowed
     * @param serverApiVersion the {@code X-Ops-Server-API-Version} sent, which 1.3 signs
     */
    Map<String, String> headers(String method, String path, byte[] body, String serverApiVersion) {
        String timestamp = ISO8601.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        String contentHash = contentHash(body);
        String toSign = stringToSign(method, path, contentHash, timestamp, serverApiVersion);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Ops-Sign", protocol.header);
        headers.put("X-Ops-Userid", userId);
        headers.put("X-Ops-Timestamp", timestamp);
        headers.put("X-Ops-Content-Hash", contentHash);
        String signature = Base64.getEncoder().encodeToString(sign(toSign));
        for (int i = 0, n = 1; i < signature.length(); i += 60, n++) {
            headers.put("X-Ops-Authorization-" + n, signature.substring(i, Math.min(signature.length(), i + 60)));
        }
        return headers;
    }

    /** Base64 of the body's SHA-1 (1.0/1.1) or SHA-256 (1.3). */
    String contentHash(byte[] body) {
        return base64Digest(protocol == Protocol.V1_3 ? "SHA-256" : "SHA-1", body);
    }

    /** The canonical string (reference/CHEF.md §3): lines joined by {@code \n}, no trailing newline. */
    String stringToSign(String method, String path, String contentHash, String timestamp, String serverApiVersion) {
        String canonical = canonicalPath(path);
        String verb = method.toUpperCase(Locale.ROOT);
        if (protocol == Protocol.V1_3) {
            return String.join(
                    "\n",
                    "Method:" + verb,
                    "Path:" + canonical,
                    "X-Ops-Content-Hash:" + contentHash,
                    "X-Ops-Sign:version=1.3",
                    "X-Ops-Timestamp:" + timestamp,
                    "X-Ops-UserId:" + userId,
                    "X-Ops-Server-API-Version:" + (serverApiVersion == null ? "0" : serverApiVersion));
        }
        String user =
                protocol == Protocol.V1_1 ? base64Digest("SHA-1", userId.getBytes(StandardCharsets.UTF_8)) : userId;
        return String.join(
                "\n",
                "Method:" + verb,
                "Hashed Path:" + base64Digest("SHA-1", canonical.getBytes(StandardCharsets.UTF_8)),
                "X-Ops-Content-Hash:" + contentHash,
                "X-Ops-Timestamp:" + timestamp,
                "X-Ops-UserId:" + user);
    }

    /** The path without its query string, {@code //} collapsed and a trailing {@code /} dropped (but for {@code /}). */
    static String canonicalPath(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        p = p.replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private byte[] sign(String toSign) {
        byte[] data = toSign.getBytes(StandardCharsets.UTF_8);
        try {
            if (protocol == Protocol.V1_3) {
                Signature signature = Signature.getInstance("SHA256withRSA");
                signature.initSign(key);
                signature.update(data);
                return signature.sign();
            }
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.ENCRYPT_MODE, key);
            return rsa.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new McollectiveException("Cannot sign the Chef request as " + userId + ": " + e.getMessage(), e);
        }
    }

    private static String base64Digest(String algorithm, byte[] data) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance(algorithm).digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
