package mcollective.spi.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import mcollective.McollectiveException;
import mcollective.MessageDecodeException;
import mcollective.protocol.Filter;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.protocol.codec.RubyMarshal;
import mcollective.protocol.codec.RubySymbol;

/**
 * The Symbol-keyed outer envelope that the Marshal-based security plugins (psk, ssl) share
 * (PROTOCOL.md §6.1–6.2), and its strict reading: a hostile payload becomes a {@link MessageDecodeException}
 * naming the key at fault, never a ClassCastException.
 */
public final class SecurityEnvelope {
    public static final RubySymbol BODY = RubySymbol.of("body");
    public static final RubySymbol SENDERID = RubySymbol.of("senderid");
    public static final RubySymbol REQUESTID = RubySymbol.of("requestid");
    public static final RubySymbol FILTER = RubySymbol.of("filter");
    public static final RubySymbol COLLECTIVE = RubySymbol.of("collective");
    public static final RubySymbol AGENT = RubySymbol.of("agent");
    public static final RubySymbol CALLERID = RubySymbol.of("callerid");
    public static final RubySymbol TTL = RubySymbol.of("ttl");
    public static final RubySymbol MSGTIME = RubySymbol.of("msgtime");
    public static final RubySymbol HASH = RubySymbol.of("hash");
    public static final RubySymbol SENDERAGENT = RubySymbol.of("senderagent");

    private SecurityEnvelope() {}

    /** Loads the outer Hash; anything else is not a message. */
    public static Map<?, ?> outer(byte[] payload) {
        Object decoded;
        try {
            decoded = RubyMarshal.load(payload);
        } catch (McollectiveException e) {
            throw new MessageDecodeException("Could not decode message: " + e.getMessage(), e);
        }
        if (!(decoded instanceof Map<?, ?> map)) {
            throw new MessageDecodeException("Message is not a Hash but " + typeOf(decoded));
        }
        return map;
    }

    public static byte[] bytes(Map<?, ?> envelope, RubySymbol key) {
        Object value = envelope.get(key);
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new MessageDecodeException("Message " + key + " is not a String but " + typeOf(value));
    }

    public static String string(Map<?, ?> envelope, RubySymbol key) {
        Object value = envelope.get(key);
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        throw new MessageDecodeException("Message " + key + " is not a String but " + typeOf(value));
    }

    public static long integer(Map<?, ?> envelope, RubySymbol key) {
        Object value = envelope.get(key);
        if (value instanceof Long n) {
            return n;
        }
        if (value instanceof BigInteger big) {
            // A msgtime beyond a long is absurd, but must not crash the node.
            return big.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        throw new MessageDecodeException("Message " + key + " is not an Integer but " + typeOf(value));
    }

    public static Request request(Map<?, ?> envelope, Object body) {
        Filter filter;
        try {
            filter = Filter.fromRuby(envelope.get(FILTER));
        } catch (McollectiveException e) {
            throw new MessageDecodeException("Message :filter is malformed: " + e.getMessage(), e);
        }
        long ttl = integer(envelope, TTL);
        return new Request(
                string(envelope, REQUESTID),
                string(envelope, SENDERID),
                string(envelope, CALLERID),
                string(envelope, AGENT),
                string(envelope, COLLECTIVE),
                filter,
                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, ttl)),
                integer(envelope, MSGTIME),
                nonNull(body));
    }

    public static Reply reply(Map<?, ?> envelope, Object body) {
        return new Reply(
                string(envelope, REQUESTID),
                string(envelope, SENDERID),
                string(envelope, SENDERAGENT),
                integer(envelope, MSGTIME),
                nonNull(body));
    }

    private static Object nonNull(Object body) {
        if (body == null) {
            throw new MessageDecodeException("Message :body is nil");
        }
        return body;
    }

    public static String typeOf(Object value) {
        return value == null ? "nil" : value.getClass().getSimpleName();
    }
}
