package mcollective.protocol.codec;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import mcollective.protocol.codec.RubyString.Encoding;

/**
 * Writes one Marshal 4.8 stream ({@code marshal.c w_object}) from the Java values {@link RubyMarshal} documents,
 * numbering objects and linking exactly as Ruby does: the same String/Array/Hash/Bignum/non-immediate Float
 * <em>instance</em> written again becomes {@code @n}, an equal immediate Float ("flonum") too, a repeated Symbol
 * {@code ;n}, and a repeated named encoding links to its first name String. Not thread-safe: one writer per stream.
 */
final class MarshalWriter {
    /** Marshal writes {@code i} only for what fits in 31 bits, whatever Ruby's own Fixnum range is. */
    private static final long MARSHAL_FIXNUM_MAX = (1L << 30) - 1;

    private static final long MARSHAL_FIXNUM_MIN = -(1L << 30);
    /** Ruby's Fixnum range on 64-bit: wider Integers are Bignum objects, which Ruby links by identity. */
    private static final long RUBY_FIXNUM_MAX = (1L << 62) - 1;

    private static final long RUBY_FIXNUM_MIN = -(1L << 62);

    /**
     * Instances the JDK shares behind the caller's back ({@code List.of()}, {@code Map.of()}, the interned {@code ""}):
     * the caller did not share them, and Ruby writes each {@code []} or {@code ''} afresh, so they are never linked.
     */
    private static final Set<Object> JDK_SINGLETONS = jdkSingletons();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int maxDepth;
    private final Map<String, Integer> symbols = new HashMap<>();
    private final Map<Object, Integer> instances = new IdentityHashMap<>();
    private final Map<Long, Integer> flonums = new HashMap<>();
    private final Map<String, Integer> encodings = new HashMap<>();
    private int objectCount;

    MarshalWriter(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    byte[] writeTop(Object value) {
        out.write(4);
        out.write(8);
        write(value, 0);
        return out.toByteArray();
    }

    private void write(Object value, int depth) {
        if (depth > maxDepth) {
            throw new MarshalException("Data nested deeper than " + maxDepth + " levels cannot be written");
        }
        if (value == null) {
            out.write('0');
        } else if (value instanceof Boolean b) {
            out.write(b ? 'T' : 'F');
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            writeInteger(value, ((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            writeBigInteger(big);
        } else if (value instanceof Double || value instanceof Float) {
            writeFloat(value, ((Number) value).doubleValue());
        } else if (value instanceof RubySymbol symbol) {
            writeSymbol(symbol.name());
        } else if (value instanceof String
                || value instanceof byte[]
                || value instanceof RubyString
                || value instanceof List
                || value instanceof Map
                || value instanceof RubyRegexp) {
            if (!linked(value)) {
                writeObject(value, depth);
            }
        } else {
            throw new MarshalException("Cannot write a " + value.getClass().getName()
                    + " as Ruby Marshal data (only nil, booleans, integers, floats, Strings, Symbols, Lists, Maps)");
        }
    }

    private void writeObject(Object value, int depth) {
        if (value instanceof RubyRegexp regexp) {
            // Ruby: I / source options, then its encoding: US-ASCII for an ASCII source, else UTF-8.
            byte[] source = regexp.source().getBytes(StandardCharsets.UTF_8);
            out.write('I');
            out.write('/');
            writeLong(source.length);
            out.write(source, 0, source.length);
            out.write(regexp.options());
            writeLong(1);
            writeSymbol("E");
            out.write(source.length == regexp.source().length() ? 'F' : 'T');
        } else if (value instanceof String text) {
            writeString(text.getBytes(StandardCharsets.UTF_8), Encoding.UTF_8);
        } else if (value instanceof byte[] bytes) {
            writeString(bytes, Encoding.BINARY);
        } else if (value instanceof RubyString string) {
            writeString(string.bytes(), string.encoding());
        } else if (value instanceof List<?> list) {
            out.write('[');
            writeLong(list.size());
            for (Object element : list) {
                write(element, depth + 1);
            }
        } else {
            Map<?, ?> map = (Map<?, ?>) value;
            out.write('{');
            writeLong(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                write(entry.getKey(), depth + 1);
                write(entry.getValue(), depth + 1);
            }
        }
    }

    private static Set<Object> jdkSingletons() {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(List.of(List.of(), Map.of(), Collections.emptyList(), Collections.emptyMap(), ""));
        return Collections.unmodifiableSet(set);
    }

    /** Writes {@code @n} if this instance was written before and returns true; else numbers it and returns false. */
    private boolean linked(Object instance) {
        if (JDK_SINGLETONS.contains(instance)) {
            objectCount++;
            return false;
        }
        Integer index = instances.get(instance);
        if (index != null) {
            out.write('@');
            writeLong(index);
            return true;
        }
        instances.put(instance, objectCount++);
        return false;
    }

    private void writeInteger(Object instance, long value) {
        if (value >= MARSHAL_FIXNUM_MIN && value <= MARSHAL_FIXNUM_MAX) {
            out.write('i');
            writeLong(value);
        } else if (value >= RUBY_FIXNUM_MIN && value <= RUBY_FIXNUM_MAX) {
            // A Ruby Fixnum too wide for 'i' is converted to a fresh Bignum: numbered, never linked.
            objectCount++;
            writeBignum(BigInteger.valueOf(value));
        } else if (!linked(instance)) {
            writeBignum(BigInteger.valueOf(value));
        }
    }

    private void writeBigInteger(BigInteger value) {
        if (value.bitLength() < 64) {
            writeInteger(value, value.longValue());
        } else if (!linked(value)) {
            writeBignum(value);
        }
    }

    /** {@code l}, sign, length in 16-bit words, little-endian magnitude. */
    private void writeBignum(BigInteger value) {
        out.write('l');
        out.write(value.signum() < 0 ? '-' : '+');
        byte[] magnitude = value.abs().toByteArray();
        int start = magnitude[0] == 0 ? 1 : 0;
        int words = (magnitude.length - start + 1) / 2;
        writeLong(words);
        for (int i = 0; i < words * 2; i++) {
            int index = magnitude.length - 1 - i;
            out.write(index >= start ? magnitude[index] : 0);
        }
    }

    /** Ruby keeps most doubles as immediates ("flonums"), equal by value, and links those by value; others by identity. */
    private void writeFloat(Object instance, double value) {
        long bits = Double.doubleToRawLongBits(value);
        if (isFlonum(bits)) {
            Integer index = flonums.get(bits);
            if (index != null) {
                out.write('@');
                writeLong(index);
                return;
            }
            flonums.put(bits, objectCount++);
        } else if (linked(instance)) {
            return;
        }
        out.write('f');
        writeBytes(FloatText.format(value).getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code rb_float_flonum_p} on 64-bit Ruby: +0.0, or a binary exponent within Ruby's immediate range. */
    private static boolean isFlonum(long bits) {
        int tag = (int) ((bits >>> 60) & 7);
        return bits == 0L || (bits != 0x3000000000000000L && (tag == 3 || tag == 4));
    }

    /** {@code w_symbol}: {@code ;n} for a repeat; a non-ASCII name carries {@code E true} like Ruby's UTF-8 Symbols. */
    private void writeSymbol(String name) {
        Integer index = symbols.get(name);
        if (index != null) {
            out.write(';');
            writeLong(index);
            return;
        }
        boolean ascii = name.chars().allMatch(c -> c < 0x80);
        if (!ascii) {
            out.write('I');
        }
        out.write(':');
        writeBytes(name.getBytes(StandardCharsets.UTF_8));
        symbols.put(name, symbols.size());
        if (!ascii) {
            writeLong(1);
            writeSymbol("E");
            out.write('T');
        }
    }

    private void writeString(byte[] bytes, Encoding encoding) {
        if (encoding.equals(Encoding.BINARY)) {
            out.write('"');
            writeBytes(bytes);
            return;
        }
        out.write('I');
        out.write('"');
        writeBytes(bytes);
        writeLong(1);
        if (encoding.equals(Encoding.UTF_8) || encoding.equals(Encoding.US_ASCII)) {
            writeSymbol("E");
            out.write(encoding.equals(Encoding.UTF_8) ? 'T' : 'F');
            return;
        }
        writeSymbol("encoding");
        // Ruby writes each encoding's name String once per stream and links to it afterwards.
        String key = encoding.name().toLowerCase(Locale.ROOT);
        Integer index = encodings.get(key);
        if (index != null) {
            out.write('@');
            writeLong(index);
            return;
        }
        encodings.put(key, objectCount++);
        out.write('"');
        writeBytes(encoding.name().getBytes(StandardCharsets.US_ASCII));
    }

    private void writeBytes(byte[] bytes) {
        writeLong(bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    /** {@code w_long}: 0, then n+5 / n-5 in one byte, else a length byte and up to four little-endian bytes. */
    private void writeLong(long x) {
        if (x == 0) {
            out.write(0);
        } else if (x > 0 && x < 123) {
            out.write((int) x + 5);
        } else if (x < 0 && x > -124) {
            out.write((int) (x - 5) & 0xff);
        } else {
            byte[] buf = new byte[4];
            int i = 0;
            long v = x;
            do {
                buf[i++] = (byte) v;
                v >>= 8;
            } while (i < 4 && v != 0 && v != -1);
            out.write(x < 0 ? -i & 0xff : i);
            out.write(buf, 0, i);
        }
    }
}
