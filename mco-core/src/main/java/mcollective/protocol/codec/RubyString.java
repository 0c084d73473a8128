package mcollective.protocol.codec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

import mcollective.ruby.RubyObject;
import mcollective.ruby.RubyValues;

/**
 * A Ruby String with its encoding, for when the encoding matters on the wire: Ruby writes request ids and hashes as
 * US-ASCII ({@code E false}), text as UTF-8 ({@code E true}) and serialised bodies as binary (no ivar). The writer
 * takes a plain {@link String} as UTF-8 and a {@code byte[]} as binary; this type says anything else. A reader in
 * {@link MarshalOptions#preserveStrings()} mode returns every String as one of these.
 *
 * <p>Equality is by content (bytes and encoding), not identity; the writer still links by identity.
 *
 * @param bytes    the raw bytes, never null (not copied; treat as immutable)
 * @param encoding the Ruby encoding, never null
 */
public record RubyString(byte[] bytes, Encoding encoding) implements RubyObject {

    /**
     * A Ruby encoding, by its Ruby name. {@link #UTF_8}, {@link #US_ASCII} and {@link #BINARY} are the three Marshal
     * writes without naming them ({@code E true}, {@code E false}, no ivar); any other is written by name
     * ({@code :encoding "Shift_JIS"}).
     *
     * @param name the Ruby encoding name, never null or blank
     */
    public record Encoding(String name) {
        public static final Encoding UTF_8 = new Encoding("UTF-8");
        public static final Encoding US_ASCII = new Encoding("US-ASCII");
        public static final Encoding BINARY = new Encoding("ASCII-8BIT");

        public Encoding {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("Ruby encoding name must not be blank");
            }
        }

        /** The encoding called {@code name}; Ruby's alias {@code BINARY} is {@link #BINARY}. */
        public static Encoding named(String name) {
            return "BINARY".equalsIgnoreCase(name) ? BINARY : new Encoding(name);
        }

        /** The Java charset for decoding, or ISO-8859-1 (which keeps every byte) when Java does not know it. */
        public Charset charset() {
            if (equals(BINARY)) {
                return StandardCharsets.ISO_8859_1;
            }
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException e) {
                return StandardCharsets.ISO_8859_1;
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public RubyString {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(encoding, "encoding");
    }

    /** A US-ASCII String ({@code E false}), as Ruby writes request ids and hex digests. */
    public static RubyString ascii(String text) {
        return new RubyString(text.getBytes(StandardCharsets.US_ASCII), Encoding.US_ASCII);
    }

    /** A UTF-8 String ({@code E true}), as a plain {@link String} is written too. */
    public static RubyString utf8(String text) {
        return new RubyString(text.getBytes(StandardCharsets.UTF_8), Encoding.UTF_8);
    }

    /** A binary (ASCII-8BIT) String, written without an ivar, as a {@code byte[]} is written too. */
    public static RubyString binary(byte[] bytes) {
        return new RubyString(bytes, Encoding.BINARY);
    }

    public boolean isBinary() {
        return encoding.equals(Encoding.BINARY);
    }

    /** The text, decoded with the encoding when Java knows it, else as ISO-8859-1 so no byte is lost. */
    public String text() {
        return new String(bytes, encoding.charset());
    }

    /** {@code String#to_s}: the {@link #text()}. */
    @Override
    public String toS() {
        return text();
    }

    /** {@code String#inspect} of the text. */
    @Override
    public String inspect() {
        return RubyValues.quote(text());
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
        return isBinary() ? "binary:" + HexFormat.of().formatHex(bytes) : encoding + ":" + text();
    }
}
