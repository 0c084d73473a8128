package mcollective.protocol.codec;

/**
 * Ruby Marshal 4.8 for data types only: nil, true, false, Integer (Fixnum and Bignum), Float, String (with its
 * encoding), Symbol, Array and Hash, and object links. Everything else (objects, classes, modules, user types,
 * Struct, Regexp) is refused with a {@link MarshalException}: no code runs and no class is looked up, unlike Ruby's
 * {@code Marshal.load}. See docs/adr/002-ruby-marshal-codec.md.
 *
 * <p>Java values: nil ↔ {@code null}; Integer ↔ {@code Long} (or {@code BigInteger} past a long); Float ↔
 * {@code Double}; Symbol ↔ {@link RubySymbol}; Array ↔ {@code List}; Hash ↔ {@code Map} (insertion order kept);
 * text String ↔ {@code String}, binary String ↔ {@code byte[]}, or {@link RubyString} to say the encoding.
 * Thread-safe (stateless).
 */
public final class RubyMarshal {
    private RubyMarshal() {
    }

    public static Object load(byte[] data) {
        return load(data, MarshalOptions.defaults());
    }

    public static Object load(byte[] data, MarshalOptions options) {
        return new MarshalReader(data, options).readTop();
    }

    public static byte[] dump(Object value) {
        return new MarshalWriter().writeTop(value);
    }
}
