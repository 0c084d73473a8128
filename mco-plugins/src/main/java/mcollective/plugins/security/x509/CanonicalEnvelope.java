package mcollective.plugins.security.x509;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import mcollective.MessageDecodeException;
import mcollective.protocol.codec.RubyString;
import mcollective.protocol.codec.RubySymbol;
import mcollective.spi.support.SecurityEnvelope;

/**
 * The bytes a signed envelope's signature covers (docs/x509-security.md §4): every field of the Marshal envelope that
 * a receiver acts on, each length-prefixed, in a fixed order, after the scheme, the message kind and the algorithm,
 * so no field can be moved into another, swapped or dropped. The filter, a Ruby value, is written in a tagged,
 * length-prefixed form of its own. The same bytes come from the Hash a sender builds and from the Hash a receiver
 * loads, because both are read through the envelope's Symbol keys.
 */
public final class CanonicalEnvelope {
    private static final RubySymbol[] REQUEST_FIELDS = {
        SecurityEnvelope.SENDERID,
        SecurityEnvelope.REQUESTID,
        SecurityEnvelope.FILTER,
        SecurityEnvelope.COLLECTIVE,
        SecurityEnvelope.AGENT,
        SecurityEnvelope.CALLERID,
        SecurityEnvelope.TTL,
        SecurityEnvelope.MSGTIME
    };
    private static final RubySymbol[] REPLY_FIELDS = {
        SecurityEnvelope.SENDERID, SecurityEnvelope.REQUESTID, SecurityEnvelope.SENDERAGENT, SecurityEnvelope.MSGTIME
    };

    private CanonicalEnvelope() {}

    /** The signed bytes of a request envelope; {@code field} reads its keys, {@code body} is the {@code :body}. */
    public static byte[] request(String scheme, String algorithm, byte[] body, Function<RubySymbol, Object> field) {
        return encode(scheme, "request", algorithm, body, REQUEST_FIELDS, field);
    }

    /** The signed bytes of a reply envelope. */
    public static byte[] reply(String scheme, String algorithm, byte[] body, Function<RubySymbol, Object> field) {
        return encode(scheme, "reply", algorithm, body, REPLY_FIELDS, field);
    }

    private static byte[] encode(
            String scheme,
            String kind,
            String algorithm,
            byte[] body,
            RubySymbol[] fields,
            Function<RubySymbol, Object> field) {
        Out out = new Out();
        out.field(text("mcollective-signed-envelope-1"));
        out.field(text(scheme));
        out.field(text(kind));
        out.field(text(algorithm));
        out.field(body);
        for (RubySymbol key : fields) {
            Object value = field.apply(key);
            if (key.equals(SecurityEnvelope.FILTER)) {
                Out filter = new Out();
                filter.value(value, key);
                out.field(filter.toByteArray());
            } else if (key.equals(SecurityEnvelope.TTL) || key.equals(SecurityEnvelope.MSGTIME)) {
                out.field(text(integer(value, key).toString()));
            } else {
                out.field(string(value, key));
            }
        }
        return out.toByteArray();
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static BigInteger integer(Object value, RubySymbol key) {
        if (value instanceof Long n) {
            return BigInteger.valueOf(n);
        }
        if (value instanceof Integer n) {
            return BigInteger.valueOf(n);
        }
        if (value instanceof BigInteger n) {
            return n;
        }
        throw new MessageDecodeException("Message " + key + " is not an Integer");
    }

    private static byte[] string(Object value, RubySymbol key) {
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof RubyString s) {
            return s.bytes();
        }
        throw new MessageDecodeException("Message " + key + " is not a String");
    }

    /** A big-endian, length-prefixed writer. */
    private static final class Out extends ByteArrayOutputStream {
        void u32(long n) {
            write((int) (n >>> 24));
            write((int) (n >>> 16));
            write((int) (n >>> 8));
            write((int) n);
        }

        void field(byte[] bytes) {
            u32(bytes.length);
            writeBytes(bytes);
        }

        /** One Ruby value: a tag byte, then its length-prefixed content or its element count and elements. */
        void value(Object value, RubySymbol where) {
            if (value == null) {
                write('n');
            } else if (value instanceof Boolean b) {
                write(b ? 't' : 'f');
            } else if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
                write('i');
                field(text(integer(value, where).toString()));
            } else if (value instanceof Double d) {
                write('d');
                long bits = Double.doubleToLongBits(d);
                u32(bits >>> 32);
                u32(bits & 0xffffffffL);
            } else if (value instanceof RubySymbol symbol) {
                write('y');
                field(text(symbol.name()));
            } else if (value instanceof String || value instanceof byte[] || value instanceof RubyString) {
                write('s');
                field(string(value, where));
            } else if (value instanceof List<?> list) {
                write('a');
                u32(list.size());
                list.forEach(element -> value(element, where));
            } else if (value instanceof Map<?, ?> map) {
                write('h');
                u32(map.size());
                map.forEach((k, v) -> {
                    value(k, where);
                    value(v, where);
                });
            } else {
                throw new MessageDecodeException("Message " + where + " holds a "
                        + value.getClass().getSimpleName() + ", which a signed envelope cannot carry");
            }
        }
    }
}
