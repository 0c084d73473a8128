package mcollective.protocol;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Request ids: 32 lowercase hex characters, as {@code SSL.uuid.gsub("-","")} produces in Ruby. Any unique
 * 32-hex string is accepted by Ruby peers; this one is 16 random bytes.
 */
public final class RequestId {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{32}");

    private RequestId() {}

    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        // Version 4 / variant bits, so the id is also a valid UUID like Ruby's.
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        return HexFormat.of().formatHex(bytes);
    }

    public static boolean isValid(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }
}
