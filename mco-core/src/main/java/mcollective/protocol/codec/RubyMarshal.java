package mcollective.protocol.codec;

import java.util.Objects;

/**
 * Port of Ruby's {@code Marshal.load}/{@code Marshal.dump} (format 4.8, {@code marshal.c}) for data types only: nil,
 * true, false, Integer (Fixnum and Bignum), Float, String with its encoding, Symbol, Array, Hash, and the links
 * between them. Everything else (objects, classes, modules, user types, Structs, Regexps, extended objects, Data,
 * subclasses, Hashes with a default) is refused with a {@link MarshalException} naming the type byte and offset: no
 * code runs and no class is looked up, unlike Ruby's own {@code Marshal.load}. See docs/adr/002-ruby-marshal-codec.md.
 *
 * <p>Java values, both ways: nil ↔ {@code null}; true/false ↔ {@link Boolean}; Integer → {@link Long}, or
 * {@link java.math.BigInteger} past a long (the writer also takes Integer, Short and Byte); Float ↔ {@link Double};
 * Symbol ↔ {@link RubySymbol}; Array ↔ {@link java.util.List} (read as {@code ArrayList}); Hash ↔
 * {@link java.util.Map} (read as {@code LinkedHashMap}, written in the map's iteration order); a String with an
 * encoding ↔ {@link String} (written as UTF-8), a binary String ↔ {@code byte[]}, or a {@link RubyString} to say the
 * encoding. A binary String used as a Hash key is read as a {@link String}, since a {@code byte[]} key cannot be
 * looked up.
 *
 * <p>Links: a link reads as the very instance read first; writing the same instance (identity, not equality) twice
 * writes a link, as Ruby does. With {@link MarshalOptions#preserving()}, {@code dump(load(bytes))} gives back
 * Ruby's bytes. Thread-safe (every call uses its own reader or writer).
 */
public final class RubyMarshal {
    private RubyMarshal() {}

    /**
     * Reads one Marshal stream with {@link MarshalOptions#defaults()}.
     *
     * @param data the whole stream, starting {@code 04 08}; not null, not modified
     * @return the top value, which may be {@code null} (Ruby nil)
     * @throws MarshalException if the stream is malformed, truncated, too deep, has trailing bytes or a refused type
     */
    public static Object load(byte[] data) {
        return load(data, MarshalOptions.defaults());
    }

    /**
     * Reads one Marshal stream.
     *
     * @param data    the whole stream, starting {@code 04 08}; not null, not modified
     * @param options how to read; not null
     * @return the top value, which may be {@code null} (Ruby nil)
     * @throws MarshalException if the stream is malformed, truncated, too deep, has trailing bytes or a refused type
     */
    public static Object load(byte[] data, MarshalOptions options) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        return new MarshalReader(data, options).readTop();
    }

    /**
     * Writes {@code value} as one Marshal stream, byte for byte as Ruby would for the same data.
     *
     * @param value the data; may be {@code null} (Ruby nil)
     * @return a new array, starting {@code 04 08}
     * @throws MarshalException if the value holds a type with no Ruby data counterpart, or nests deeper than
     *                          {@link MarshalOptions#DEFAULT_MAX_DEPTH}
     */
    public static byte[] dump(Object value) {
        return new MarshalWriter(MarshalOptions.DEFAULT_MAX_DEPTH).writeTop(value);
    }
}
