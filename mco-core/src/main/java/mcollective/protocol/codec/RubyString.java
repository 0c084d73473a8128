package mcollective.protocol.codec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A Ruby String with its encoding, for when the encoding matters on the wire: Ruby writes request ids and hashes as
 * US-ASCII ({@code E false}), text as UTF-8 ({@code E true}) and serialised bodies as binary (no ivar). The writer
 * takes plain {@link String}s as UTF-8 and {@code byte[]} as binary; this type says anything else.
 *
 * @param bytes    the raw bytes (not copied; treat as immutable)
 * @param encoding {@code UTF-8}, {@code US-ASCII}, {@code ASCII-8BIT} (binary) or another Ruby encoding name
 */
public record RubyString(byte[] bytes, String encoding) {
    public static final String UTF_8 = "UTF-8";
    public static final String US_ASCII = "US-ASCII";
    public static final String BINARY = "ASCII-8BIT";

    public RubyString {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(encoding, "encoding");
    }

    public static RubyString ascii(String text) {
        return new RubyString(text.getBytes(StandardCharsets.US_ASCII), US_ASCII);
    }

    public static RubyString utf8(String text) {
        return new RubyString(text.getBytes(StandardCharsets.UTF_8), UTF_8);
    }

    public static RubyString binary(byte[] bytes) {
        return new RubyString(bytes, BINARY);
    }

    public boolean isBinary() {
        return BINARY.equals(encoding);
    }

    /** The text, decoded with the encoding when Java knows it, else as ISO-8859-1 so no byte is lost. */
    public String text() {
        Charset charset;
        try {
            charset = isBinary() ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            charset = StandardCharsets.ISO_8859_1;
        }
        return new String(bytes, charset);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RubyString s && Arrays.equals(bytes, s.bytes) && encoding.equals(s.encoding);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + encoding.hashCode();
    }

    @Override
    public String toString() {
        return encoding + ":" + text();
    }
}
