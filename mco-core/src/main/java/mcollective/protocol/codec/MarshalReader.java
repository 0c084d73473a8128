package mcollective.protocol.codec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mcollective.protocol.codec.RubyString.Encoding;

/**
 * Reads one Marshal 4.8 stream ({@code marshal.c r_object}), data types only. Every declared length is checked
 * against the bytes left before anything is allocated, nesting is bounded, a link back into an Array or Hash that is
 * still being read (a cycle) is refused, and the stream must end with the top object. A link resolves to the very
 * instance read first. Not thread-safe: one reader per stream.
 */
final class MarshalReader {
    private static final String REFUSED_TYPES = "ocmMuUSedC}";

    private final byte[] data;
    private final MarshalOptions options;
    private final List<RubySymbol> symbols = new ArrayList<>();
    private final List<Object> objects = new ArrayList<>();
    /** Object numbers whose value is still being read: a link to one would make a cycle. */
    private final BitSet open = new BitSet();

    private int pos;

    MarshalReader(byte[] data, MarshalOptions options) {
        this.data = data;
        this.options = options;
    }

    Object readTop() {
        if (data.length < 2) {
            throw new MarshalException("Marshal data too short: " + data.length + " bytes");
        }
        if (data[0] != 4 || data[1] != 8) {
            throw new MarshalException(
                    String.format("Unsupported Marshal version %d.%d (expected 4.8)", data[0], data[1]));
        }
        pos = 2;
        Object value = read(0);
        if (pos != data.length) {
            throw new MarshalException(
                    (data.length - pos) + " unexpected bytes after the Marshal data at offset " + pos);
        }
        return value;
    }

    private Object read(int depth) {
        int at0 = pos;
        Limits.checkDepth(
                depth,
                options.maxDepth(),
                "Marshal data",
                message -> new MarshalException(message + " at offset " + at0));
        int at = pos;
        byte type = nextByte();
        return switch (type) {
            case '0' -> null;
            case 'T' -> Boolean.TRUE;
            case 'F' -> Boolean.FALSE;
            case 'i' -> readLong();
            case 'l' -> remember(readBignum());
            case 'f' -> remember(FloatText.parse(new String(take(readLength()), StandardCharsets.US_ASCII), at));
            case ':' -> readSymbol(false, depth);
            case ';' -> symbolLink(at);
            case '"' -> remember(string(take(readLength()), Encoding.BINARY));
            case 'I' -> readWithIvars(depth);
            case '/' -> regexp(Encoding.BINARY);
            case '[' -> readArray(depth);
            case '{' -> readHash(depth);
            case '@' -> objectLink(at);
            default -> throw refused(type, at);
        };
    }

    private static MarshalException refused(byte type, int at) {
        String why = switch (type) {
            case 'o' -> "objects are not data";
            case 'c' -> "classes are not data";
            case 'm', 'M' -> "modules are not data";
            case 'u', 'U' -> "user-defined types (_dump, marshal_dump) are not data";
            case 'S' -> "Structs are not data";
            case 'e' -> "extended objects are not data";
            case 'd' -> "Data objects are not data";
            case 'C' -> "subclasses of String, Array or Hash are not data";
            case '}' -> "Hashes with a default value are not accepted";
            default -> "unknown type";
        };
        return new MarshalException(String.format(
                "Refusing Marshal type '%s' (0x%02x) at offset %d: %s",
                type >= 0x20 && type < 0x7f ? String.valueOf((char) type) : "?", type & 0xff, at, why));
    }

    private Object remember(Object value) {
        objects.add(value);
        return value;
    }

    private int reserve() {
        objects.add(null);
        open.set(objects.size() - 1);
        return objects.size() - 1;
    }

    private <T> T fill(int index, T value) {
        objects.set(index, value);
        open.clear(index);
        return value;
    }

    private Object readBignum() {
        int at = pos;
        byte sign = nextByte();
        if (sign != '+' && sign != '-') {
            throw new MarshalException(String.format("Bad Bignum sign 0x%02x at offset %d", sign & 0xff, at));
        }
        byte[] little = take(readLength() * 2L);
        byte[] big = new byte[little.length + 1];
        for (int i = 0; i < little.length; i++) {
            big[big.length - 1 - i] = little[i];
        }
        BigInteger value = new BigInteger(big);
        value = sign == '-' ? value.negate() : value;
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private RubySymbol readSymbol(boolean ivars, int depth) {
        byte[] bytes = take(readLength());
        int index = symbols.size();
        symbols.add(null);
        Encoding encoding = ivars ? readEncoding(depth, "Symbol") : Encoding.UTF_8;
        Encoding decode = encoding.equals(Encoding.US_ASCII) ? Encoding.UTF_8 : encoding;
        RubySymbol symbol = new RubySymbol(new String(bytes, decode.charset()));
        symbols.set(index, symbol);
        return symbol;
    }

    private RubySymbol symbolLink(int at) {
        int index = readLength();
        if (index >= symbols.size() || symbols.get(index) == null) {
            throw new MarshalException("Symbol link " + index + " at offset " + at + " points past the "
                    + symbols.size() + " symbols read");
        }
        return symbols.get(index);
    }

    private Object objectLink(int at) {
        int index = readLength();
        if (index >= objects.size()) {
            throw new MarshalException("Object link " + index + " at offset " + at + " points past the "
                    + objects.size() + " objects read");
        }
        if (open.get(index)) {
            throw new MarshalException("Object link " + index + " at offset " + at
                    + " points into an object still being read: cyclic data is refused");
        }
        return objects.get(index);
    }

    /** {@code I}: a String or Symbol followed by its encoding ivar ({@code E} or {@code encoding}). */
    private Object readWithIvars(int depth) {
        int at = pos;
        byte type = nextByte();
        if (type == ':') {
            return readSymbol(true, depth);
        }
        if (type == '/') {
            int index = reserve();
            byte[] source = take(readLength());
            int options = nextByte() & 0xff;
            readEncoding(depth, "Regexp");
            return fill(index, new RubyRegexp(new String(source, StandardCharsets.UTF_8), options));
        }
        if (type != '"') {
            throw REFUSED_TYPES.indexOf(type) >= 0
                    ? refused(type, at)
                    : new MarshalException(String.format(
                            "Refusing instance variables on Marshal type '%s' at offset %d: only a String or Symbol may carry"
                                    + " them (its encoding)",
                            (char) type, at));
        }
        int index = reserve();
        byte[] bytes = take(readLength());
        return fill(index, string(bytes, readEncoding(depth, "String")));
    }

    /** A Regexp without an encoding ivar (binary source). */
    private Object regexp(Encoding encoding) {
        int index = reserve();
        byte[] source = take(readLength());
        int options = nextByte() & 0xff;
        return fill(index, new RubyRegexp(new String(source, StandardCharsets.ISO_8859_1), options));
    }

    /** The ivar list of a String or Symbol: only its encoding ({@code E true/false} or {@code encoding "name"}). */
    private Encoding readEncoding(int depth, String owner) {
        int count = readLength();
        ensureLeft(2L * count, count + " instance variables");
        Encoding encoding = Encoding.BINARY;
        for (int i = 0; i < count; i++) {
            int at = pos;
            Object name = read(depth + 1);
            Object value = read(depth + 1);
            if (name instanceof RubySymbol s && s.name().equals("E") && value instanceof Boolean utf8) {
                encoding = utf8 ? Encoding.UTF_8 : Encoding.US_ASCII;
            } else if (name instanceof RubySymbol s && s.name().equals("encoding") && encodingName(value) != null) {
                encoding = Encoding.named(encodingName(value));
            } else {
                throw new MarshalException("Refusing instance variable " + name + " on a " + owner + " at offset " + at
                        + ": only its encoding is data");
            }
        }
        return encoding;
    }

    private static String encodingName(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        if (value instanceof RubyString string) {
            return new String(string.bytes(), StandardCharsets.US_ASCII);
        }
        return value instanceof String text ? text : null;
    }

    private Object string(byte[] bytes, Encoding encoding) {
        if (options.preserveStrings()) {
            return new RubyString(bytes, encoding);
        }
        if (encoding.equals(Encoding.BINARY)) {
            return bytes;
        }
        if (encoding.equals(Encoding.US_ASCII)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return new String(bytes, encoding.charset());
    }

    private List<Object> readArray(int depth) {
        int size = readLength();
        ensureLeft(size, "Array of " + size + " elements");
        int index = reserve();
        List<Object> list = new ArrayList<>(size);
        objects.set(index, list);
        for (int i = 0; i < size; i++) {
            list.add(read(depth + 1));
        }
        return fill(index, list);
    }

    /** Hash keys that are binary Strings become Java Strings (UTF-8), since a {@code byte[]} key cannot be looked up. */
    private Map<Object, Object> readHash(int depth) {
        int size = readLength();
        ensureLeft(2L * size, "Hash of " + size + " pairs");
        int index = reserve();
        Map<Object, Object> map = new LinkedHashMap<>();
        objects.set(index, map);
        for (int i = 0; i < size; i++) {
            Object key = read(depth + 1);
            Object value = read(depth + 1);
            map.put(key instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : key, value);
        }
        return fill(index, map);
    }

    /** {@code r_long}: Marshal's variable-length integer. */
    private long readLong() {
        byte c = nextByte();
        if (c == 0) {
            return 0;
        }
        if (c > 4) {
            return c - 5;
        }
        if (c < -4) {
            return c + 5;
        }
        long x = 0;
        int n = Math.abs(c);
        for (int i = 0; i < n; i++) {
            x |= (long) (nextByte() & 0xff) << (8 * i);
        }
        // Negative: the n bytes are the low bytes of a two's complement value whose higher bytes are all 0xff.
        return c > 0 ? x : x | (-1L << (8 * n));
    }

    private int readLength() {
        int at = pos;
        long length = readLong();
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw new MarshalException("Bad length " + length + " at offset " + at);
        }
        return (int) length;
    }

    private void ensureLeft(long needed, String what) {
        if (needed > data.length - pos) {
            throw new MarshalException(what + " at offset " + pos + " is larger than the " + (data.length - pos)
                    + " bytes left: truncated or corrupt Marshal data");
        }
    }

    private byte[] take(long length) {
        ensureLeft(length, length + "-byte field");
        byte[] bytes = Arrays.copyOfRange(data, pos, pos + (int) length);
        pos += (int) length;
        return bytes;
    }

    private byte nextByte() {
        if (pos >= data.length) {
            throw new MarshalException("Marshal data truncated at offset " + pos);
        }
        return data[pos++];
    }
}
