package mcollective.protocol.codec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one Marshal 4.8 stream ({@code marshal.c r_object}), data types only. Every declared length is checked
 * against the bytes left before anything is allocated, nesting is bounded, and the stream must end with the top
 * object. Not thread-safe: one reader per stream.
 */
final class MarshalReader {
    private final byte[] data;
    private final MarshalOptions options;
    private int pos;
    private final List<RubySymbol> symbols = new ArrayList<>();
    private final List<Object> objects = new ArrayList<>();

    MarshalReader(byte[] data, MarshalOptions options) {
        this.data = data;
        this.options = options;
    }

    Object readTop() {
        if (data.length < 2 || data[0] != 4 || data[1] != 8) {
            throw new MarshalException(data.length < 2 ? "Marshal data too short"
                    : String.format("Unsupported Marshal version %d.%d (expected 4.8)", data[0], data[1]));
        }
        pos = 2;
        Object value = read(0);
        if (pos != data.length) {
            throw new MarshalException((data.length - pos) + " unexpected bytes after the Marshal data at offset " + pos);
        }
        return value;
    }

    private Object read(int depth) {
        if (depth > options.maxDepth()) {
            throw new MarshalException("Marshal data nested deeper than " + options.maxDepth() + " at offset " + pos);
        }
        int at = pos;
        byte type = nextByte();
        return switch (type) {
            case '0' -> null;
            case 'T' -> Boolean.TRUE;
            case 'F' -> Boolean.FALSE;
            case 'i' -> readLong();
            case 'l' -> remember(readBignum());
            case 'f' -> remember(readFloat());
            case ':' -> readSymbol();
            case ';' -> symbolLink();
            case '"' -> readString();
            case 'I' -> readWithIvars(depth);
            case '[' -> readArray(depth);
            case '{' -> readHash(depth);
            case '@' -> objectLink();
            default -> throw new MarshalException(String.format("Refusing Marshal type '%s' (0x%02x) at offset %d: %s",
                    (char) type, type, at, refusedName(type)));
        };
    }

    private static String refusedName(byte type) {
        return switch (type) {
            case 'o' -> "objects are not data";
            case 'c' -> "classes are not data";
            case 'm', 'M' -> "modules are not data";
            case 'u', 'U' -> "user-defined types are not data";
            case 'S' -> "Structs are not data";
            case '/' -> "Regexps are not accepted";
            case 'e' -> "extended objects are not data";
            case 'd' -> "Data objects are not data";
            case 'C' -> "String/Array/Hash subclasses are not data";
            case '}' -> "Hashes with a default value are not accepted";
            default -> "unknown type";
        };
    }

    private Object remember(Object value) {
        objects.add(value);
        return value;
    }

    private Object readBignum() {
        byte sign = nextByte();
        if (sign != '+' && sign != '-') {
            throw new MarshalException("Bad Bignum sign at offset " + (pos - 1));
        }
        int words = readLength();
        byte[] little = take(words * 2L);
        byte[] big = new byte[little.length + 1];
        for (int i = 0; i < little.length; i++) {
            big[big.length - 1 - i] = little[i];
        }
        BigInteger value = new BigInteger(big);
        value = sign == '-' ? value.negate() : value;
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private Object readFloat() {
        String text = new String(take(readLength()), StandardCharsets.US_ASCII);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            text = text.substring(0, nul);
        }
        return switch (text) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new MarshalException("Bad Float '" + text + "' at offset " + pos);
                }
            }
        };
    }

    private RubySymbol readSymbol() {
        RubySymbol symbol = new RubySymbol(new String(take(readLength()), StandardCharsets.UTF_8));
        symbols.add(symbol);
        return symbol;
    }

    private RubySymbol symbolLink() {
        int index = readLength();
        if (index >= symbols.size()) {
            throw new MarshalException("Symbol link " + index + " points past the " + symbols.size() + " symbols read");
        }
        return symbols.get(index);
    }

    private Object objectLink() {
        int index = readLength();
        if (index >= objects.size()) {
            throw new MarshalException("Object link " + index + " points past the " + objects.size() + " objects read");
        }
        return objects.get(index);
    }

    /** {@code I}: a String followed by its instance variables ({@code E} or {@code encoding}). */
    private Object readWithIvars(int depth) {
        int at = pos;
        if (nextByte() != '"') {
            throw new MarshalException("Refusing instance variables on a non-String at offset " + at);
        }
        int index = objects.size();
        objects.add(null);
        byte[] bytes = take(readLength());
        int count = readLength();
        String encoding = RubyString.BINARY;
        for (int i = 0; i < count; i++) {
            Object key = read(depth + 1);
            Object value = read(depth + 1);
            if (key instanceof RubySymbol s && s.name().equals("E")) {
                encoding = Boolean.TRUE.equals(value) ? RubyString.UTF_8 : RubyString.US_ASCII;
            } else if (key instanceof RubySymbol s && s.name().equals("encoding")) {
                encoding = value instanceof byte[] b ? new String(b, StandardCharsets.US_ASCII)
                        : value instanceof RubyString r ? r.text() : String.valueOf(value);
            }
        }
        Object string = string(bytes, encoding);
        objects.set(index, string);
        return string;
    }

    private Object readString() {
        return remember(string(take(readLength()), RubyString.BINARY));
    }

    private Object string(byte[] bytes, String encoding) {
        if (options.preserveStrings()) {
            return new RubyString(bytes, encoding);
        }
        if (RubyString.BINARY.equals(encoding)) {
            return bytes;
        }
        if (RubyString.US_ASCII.equals(encoding) || RubyString.UTF_8.equals(encoding)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return new RubyString(bytes, encoding).text();
    }

    private List<Object> readArray(int depth) {
        int size = readLength();
        ensureLeft(size, "Array of " + size + " elements");
        List<Object> list = new ArrayList<>(size);
        remember(list);
        for (int i = 0; i < size; i++) {
            list.add(read(depth + 1));
        }
        return list;
    }

    private Map<Object, Object> readHash(int depth) {
        int size = readLength();
        ensureLeft(2L * size, "Hash of " + size + " pairs");
        Map<Object, Object> map = new LinkedHashMap<>();
        remember(map);
        for (int i = 0; i < size; i++) {
            Object key = read(depth + 1);
            Object value = read(depth + 1);
            map.put(key instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : key, value);
        }
        return map;
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
        if (c > 0) {
            long x = 0;
            for (int i = 0; i < c; i++) {
                x |= (long) (nextByte() & 0xff) << (8 * i);
            }
            return x;
        }
        long x = -1;
        for (int i = 0; i < -c; i++) {
            x &= ~(0xffL << (8 * i));
            x |= (long) (nextByte() & 0xff) << (8 * i);
        }
        return x;
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
                    + " bytes left");
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
