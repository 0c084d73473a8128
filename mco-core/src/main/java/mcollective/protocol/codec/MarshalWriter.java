package mcollective.protocol.codec;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one Marshal 4.8 stream ({@code marshal.c w_object}) from the Java values {@link RubyMarshal} documents.
 * Like Ruby, the same String/Array/Hash instance written twice becomes an object link, a repeated Symbol a symbol
 * link, and equal Floats that Ruby keeps as immediates ("flonums") links too. Not thread-safe: one writer per stream.
 */
final class MarshalWriter {
    private static final long FIXNUM_MAX = (1L << 30) - 1;
    private static final long FIXNUM_MIN = -(1L << 30);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Map<String, Integer> symbols = new HashMap<>();
    private final Map<Object, Integer> objects = new IdentityHashMap<>();
    private final Map<Long, Integer> flonums = new HashMap<>();
    private int objectCount;

    byte[] writeTop(Object value) {
        out.write(4);
        out.write(8);
        write(value);
        return out.toByteArray();
    }

    private void write(Object value) {
        if (value == null) {
            out.write('0');
        } else if (value instanceof Boolean b) {
            out.write(b ? 'T' : 'F');
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            writeInteger(BigInteger.valueOf(((Number) value).longValue()));
        } else if (value instanceof BigInteger big) {
            writeInteger(big);
        } else if (value instanceof Double || value instanceof Float) {
            writeFloat(((Number) value).doubleValue());
        } else if (value instanceof RubySymbol symbol) {
            writeSymbol(symbol.name());
        } else if (linked(value)) {
            return;
        } else if (value instanceof String text) {
            writeString(text.getBytes(StandardCharsets.UTF_8), RubyString.UTF_8);
        } else if (value instanceof byte[] bytes) {
            writeString(bytes, RubyString.BINARY);
        } else if (value instanceof RubyString string) {
            writeString(string.bytes(), string.encoding());
        } else if (value instanceof List<?> list) {
            out.write('[');
            writeLong(list.size());
            list.forEach(this::write);
        } else if (value instanceof Map<?, ?> map) {
            out.write('{');
            writeLong(map.size());
            map.forEach((k, v) -> {
                write(k);
                write(v);
            });
        } else {
            throw new MarshalException("Cannot write a " + value.getClass().getName() + " as Ruby Marshal data");
        }
    }

    /** Writes a link if this String/Array/Hash instance was written before, else numbers it. */
    private boolean linked(Object value) {
        Integer index = objects.get(value);
        if (index != null) {
            out.write('@');
            writeLong(index);
            return true;
        }
        objects.put(value, objectCount++);
        return false;
    }

    private void writeInteger(BigInteger value) {
        if (value.bitLength() < 63 && value.longValue() >= FIXNUM_MIN && value.longValue() <= FIXNUM_MAX) {
            out.write('i');
            writeLong(value.intValue());
            return;
        }
        objectCount++;
        out.write('l');
        out.write(value.signum() < 0 ? '-' : '+');
        byte[] big = value.abs().toByteArray();
        int start = big[0] == 0 ? 1 : 0;
        int length = big.length - start;
        int words = (length + 1) / 2;
        writeLong(words);
        for (int i = 0; i < words * 2; i++) {
            int index = big.length - 1 - i;
            out.write(index >= start ? big[index] : 0);
        }
    }

    private void writeFloat(double value) {
        long bits = Double.doubleToRawLongBits(value);
        int tag = (int) ((bits >>> 60) & 7);
        boolean flonum = bits == 0L || (bits != 0x3000000000000000L && (tag == 3 || tag == 4));
        if (flonum) {
            Integer index = flonums.get(bits);
            if (index != null) {
                out.write('@');
                writeLong(index);
                return;
            }
            flonums.put(bits, objectCount);
        }
        objectCount++;
        out.write('f');
        byte[] text = floatText(value).getBytes(StandardCharsets.US_ASCII);
        writeLong(text.length);
        out.write(text, 0, text.length);
    }

    /** {@code w_float}: shortest digits, plain or with an exponent exactly where Ruby switches. */
    static String floatText(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = decimal.unscaledValue().toString();
        int decpt = digits.length() - decimal.scale();
        int digs = digits.length();
        StringBuilder text = new StringBuilder(value < 0 ? "-" : "");
        if (decpt < -3 || decpt > digs) {
            text.append(digits.charAt(0));
            if (digs > 1) {
                text.append('.').append(digits, 1, digs);
            }
            text.append('e').append(decpt - 1);
        } else if (decpt > 0) {
            text.append(digits, 0, decpt);
            if (digs > decpt) {
                text.append('.').append(digits, decpt, digs);
            }
        } else {
            text.append("0.").append("0".repeat(-decpt)).append(digits);
        }
        return text.toString();
    }

    private void writeSymbol(String name) {
        Integer index = symbols.get(name);
        if (index != null) {
            out.write(';');
            writeLong(index);
            return;
        }
        symbols.put(name, symbols.size());
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        out.write(':');
        writeLong(bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    private void writeString(byte[] bytes, String encoding) {
        boolean binary = RubyString.BINARY.equals(encoding);
        if (!binary) {
            out.write('I');
        }
        out.write('"');
        writeLong(bytes.length);
        out.write(bytes, 0, bytes.length);
        if (binary) {
            return;
        }
        writeLong(1);
        if (RubyString.UTF_8.equals(encoding) || RubyString.US_ASCII.equals(encoding)) {
            writeSymbol("E");
            out.write(RubyString.UTF_8.equals(encoding) ? 'T' : 'F');
        } else {
            writeSymbol("encoding");
            objectCount++;
            byte[] name = encoding.getBytes(StandardCharsets.US_ASCII);
            out.write('"');
            writeLong(name.length);
            out.write(name, 0, name.length);
        }
    }

    /** {@code w_long}. */
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
