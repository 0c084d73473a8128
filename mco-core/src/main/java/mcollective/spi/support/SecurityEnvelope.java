package mcollective.spi.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import mcollective.McollectiveException;
import mcollective.MessageDecodeException;
import mcollective.protocol.Filter;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.protocol.codec.RubyMarshal;
import mcollective.protocol.codec.RubyString;
import mcollective.protocol.codec.RubySymbol;

/**
 * The Marshal envelope of {@code lib/mcollective/security/base.rb}, both directions of both messages: the
 * Symbol-keyed outer Hash of {@code create_request} ({@code :body :senderid :requestid :filter :collective :agent
 * :callerid :ttl :msgtime}) and {@code create_reply} ({@code :senderid :requestid :senderagent :msgtime :body}), in
 * Ruby's key order so the bytes match a Ruby peer's (reference/PROTOCOL.md §6.1–6.2), and its strict reading: a hostile payload
 * becomes a {@link MessageDecodeException} naming the key at fault, never a ClassCastException.
 *
 * <p>A security provider supplies only its {@link Seal}, the step that differs between psk, ssl and aes: what it adds
 * to the envelope (psk's {@code :hash}) and how it checks a received one. The provider's {@code encodeRequest},
 * {@code decodeRequest}, {@code encodeReply} and {@code decodeReply} are then one call each into this class.
 * Immutable and thread-safe when the seal is.
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

    /**
     * The integrity step of one security provider, called with the Marshal-serialised inner body. Implementations
     * must be thread-safe: nodes decode on the receiving thread and encode replies on worker threads.
     */
    public interface Seal {
        /**
         * Seals an outgoing body: adds the provider's fields after the base ones (psk puts {@code :hash}) and returns
         * the body to send ({@code body} itself unless the provider transforms it, as aes encrypts it).
         *
         * @param body     the serialised inner body, never null
         * @param envelope the outer Hash so far, in wire order; the provider may add keys, and must not remove any
         */
        byte[] seal(byte[] body, Map<Object, Object> envelope);

        /**
         * Checks a received envelope and returns the serialised inner body to load.
         *
         * @throws mcollective.SecurityValidationFailedException when the envelope does not verify
         * @throws MessageDecodeException                        when a field the provider needs is malformed
         */
        byte[] open(Received envelope);
    }

    /**
     * How the envelope and the inner body become bytes: Ruby's Marshal ({@link #MARSHAL}, what every plugin uses by
     * default) or another format a plugin offers (ssl's and aes_security's {@code serializer = yaml}). Thread-safe.
     */
    public interface Serializer {
        /** Ruby's {@code Marshal.dump} and {@code Marshal.load}. */
        Serializer MARSHAL = new Serializer() {
            @Override
            public byte[] dump(Object value) {
                return RubyMarshal.dump(value);
            }

            @Override
            public Object load(byte[] data) {
                return RubyMarshal.load(data);
            }
        };

        /** The bytes of {@code value} (a Ruby value as the codecs model it). */
        byte[] dump(Object value);

        /** The value in {@code data}; throws a {@link McollectiveException} when it is not readable. */
        Object load(byte[] data);
    }

    private final Seal seal;
    private final Serializer serializer;

    public SecurityEnvelope(Seal seal) {
        this(seal, Serializer.MARSHAL);
    }

    public SecurityEnvelope(Seal seal, Serializer serializer) {
        this.seal = Objects.requireNonNull(seal, "seal");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    /** {@code create_request} plus the seal, Marshal-dumped: the payload of a request. */
    public byte[] encodeRequest(Request request) {
        return sealed(request.body(), requestHash(request));
    }

    /**
     * The outer Hash of {@code create_request} in Ruby's key order, with {@code :body} nil, for a provider that writes
     * its own envelope (aes_security encrypts a wrapped body and may serialise with YAML).
     */
    public static Map<Object, Object> requestHash(Request request) {
        Map<Object, Object> envelope = new LinkedHashMap<>();
        envelope.put(BODY, null); // the first key, as in Ruby; filled in once the seal has run
        envelope.put(SENDERID, request.senderId());
        envelope.put(REQUESTID, RubyString.ascii(request.requestId()));
        envelope.put(FILTER, request.filter().toRuby());
        envelope.put(COLLECTIVE, request.collective());
        // The same String instance as in the filter becomes an object link, exactly where Ruby's objects were shared.
        envelope.put(AGENT, request.agent());
        envelope.put(CALLERID, request.callerId());
        envelope.put(TTL, (long) request.ttl());
        envelope.put(MSGTIME, request.msgtime());
        return envelope;
    }

    /** {@code create_reply} plus the seal, Marshal-dumped: the payload of a reply. */
    public byte[] encodeReply(Reply reply) {
        return sealed(reply.body(), replyHash(reply));
    }

    /** The outer Hash of {@code create_reply} in Ruby's key order, with {@code :body} nil; see {@link #requestHash}. */
    public static Map<Object, Object> replyHash(Reply reply) {
        Map<Object, Object> envelope = new LinkedHashMap<>();
        envelope.put(SENDERID, reply.senderId());
        envelope.put(REQUESTID, RubyString.ascii(reply.requestId()));
        envelope.put(SENDERAGENT, reply.senderAgent());
        envelope.put(MSGTIME, reply.msgtime());
        envelope.put(BODY, null);
        return envelope;
    }

    private byte[] sealed(Object body, Map<Object, Object> envelope) {
        envelope.put(BODY, seal.seal(serializer.dump(body), envelope));
        return serializer.dump(envelope);
    }

    /** Reads, opens and loads a request payload. */
    public Request decodeRequest(byte[] payload) {
        Received envelope = Received.load(payload, serializer);
        return envelope.request(serializer.load(seal.open(envelope)));
    }

    /** Reads, opens and loads a reply payload. */
    public Reply decodeReply(byte[] payload) {
        Received envelope = Received.load(payload, serializer);
        return envelope.reply(serializer.load(seal.open(envelope)));
    }

    /** A received outer Hash with strict, typed access to its fields, for a {@link Seal} to check. */
    public static final class Received {
        private final Map<?, ?> envelope;

        private Received(Map<?, ?> envelope) {
            this.envelope = envelope;
        }

        /** Loads the outer Hash; anything else is not a message. */
        static Received load(byte[] payload, Serializer serializer) {
            Object decoded;
            try {
                decoded = serializer.load(payload);
            } catch (McollectiveException e) {
                throw new MessageDecodeException("Could not decode message: " + e.getMessage(), e);
            }
            return of(decoded);
        }

        /** An outer Hash a provider has deserialised itself; anything but a Hash is not a message. */
        public static Received of(Object decoded) {
            if (!(decoded instanceof Map<?, ?> map)) {
                throw new MessageDecodeException("Message is not a Hash but " + typeOf(decoded));
            }
            return new Received(map);
        }

        /** The value at {@code key} as written, null when absent. */
        public Object get(RubySymbol key) {
            return envelope.get(key);
        }

        /** A String field's bytes (a binary String as sent, a text one in UTF-8). */
        public byte[] bytes(RubySymbol key) {
            Object value = envelope.get(key);
            if (value instanceof byte[] bytes) {
                return bytes;
            }
            if (value instanceof String text) {
                return text.getBytes(StandardCharsets.UTF_8);
            }
            throw new MessageDecodeException("Message " + key + " is not a String but " + typeOf(value));
        }

        /** A String field's text. */
        public String string(RubySymbol key) {
            Object value = envelope.get(key);
            if (value instanceof String text) {
                return text;
            }
            if (value instanceof byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            throw new MessageDecodeException("Message " + key + " is not a String but " + typeOf(value));
        }

        /** An Integer field; a Bignum is clamped to a long. */
        public long integer(RubySymbol key) {
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

        /** The request this envelope carries, with {@code body} as its inner body. */
        public Request request(Object body) {
            Filter filter;
            try {
                filter = Filter.fromRuby(envelope.get(FILTER));
            } catch (McollectiveException e) {
                throw new MessageDecodeException("Message :filter is malformed: " + e.getMessage(), e);
            }
            long ttl = integer(TTL);
            return new Request(
                    string(REQUESTID),
                    string(SENDERID),
                    string(CALLERID),
                    string(AGENT),
                    string(COLLECTIVE),
                    filter,
                    (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, ttl)),
                    integer(MSGTIME),
                    nonNull(body));
        }

        /** The reply this envelope carries, with {@code body} as its inner body. */
        public Reply reply(Object body) {
            return new Reply(string(REQUESTID), string(SENDERID), string(SENDERAGENT), integer(MSGTIME), nonNull(body));
        }

        private static Object nonNull(Object body) {
            if (body == null) {
                throw new MessageDecodeException("Message :body is nil");
            }
            return body;
        }

        private static String typeOf(Object value) {
            return value == null ? "nil" : value.getClass().getSimpleName();
        }
    }
}
