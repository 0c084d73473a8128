package mcollective.plugins.security.aes;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.MessageDecodeException;
import mcollective.MsgDoesNotMatchRequestIdException;
import mcollective.SecurityValidationFailedException;
import mcollective.logging.LogSafe;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.protocol.codec.RubyString;
import mcollective.protocol.codec.RubySymbol;
import mcollective.spi.PluginContext;
import mcollective.spi.Role;
import mcollective.spi.SecurityProvider;
import mcollective.spi.support.SecurityEnvelope;

/**
 * {@code securityprovider = aes_security}, wire-compatible with Ruby MCollective 2.12.5's
 * {@code security/aes_security.rb} (reference/PROTOCOL.md §8). The envelope is security/base.rb's
 * ({@link SecurityEnvelope#requestHash}, {@link SecurityEnvelope#replyHash}) with {@code :body} encrypted
 * ({@link SslCrypto}), the encrypted key in {@code :sslkey} and, with {@code plugin.aes.send_pubkey = 1}, the
 * sender's certificate in {@code :sslpubkey}. A request's plaintext is
 * {@code {:aes_msg => body, :aes_ttl => ttl, :aes_msgtime => msgtime}}, so a node takes the ttl and message time
 * from the encrypted copy ({@code plugin.aes.enforce_ttl}).
 *
 * <p>Which keys are used depends on the {@link Role}: a client encrypts requests with its private key and opens
 * replies with it; a node opens requests with the sender's certificate from {@code plugin.aes.client_cert_dir} and
 * encrypts each reply to the requester's certificate ({@link #encodeReply(Reply, Request)}). Thread-safe.
 */
public final class AesSecurityProvider implements SecurityProvider {
    static final Logger LOG = LoggerFactory.getLogger(AesSecurityProvider.class);
    static final RubySymbol SSLKEY = RubySymbol.of("sslkey");
    static final RubySymbol SSLPUBKEY = RubySymbol.of("sslpubkey");
    static final RubySymbol AES_MSG = RubySymbol.of("aes_msg");
    static final RubySymbol AES_TTL = RubySymbol.of("aes_ttl");
    static final RubySymbol AES_MSGTIME = RubySymbol.of("aes_msgtime");

    private AesSettings settings;

    @Override
    public String name() {
        return "aes_security";
    }

    @Override
    public void init(PluginContext context) {
        Role role = context.service(Role.class).orElse(Role.CLIENT);
        this.settings = AesSettings.read(context.config().plugin("aes"), context.env(), role);
    }

    /**
     * A provider for {@code role} configured as a fleet laid out like {@code reference/keys} would be: see
     * {@link AesSettings#forKeyDirectory}. For benchmarks and tests that do not write a config file.
     */
    public static AesSecurityProvider fromKeyDirectory(Path keyDir, Role role) {
        AesSecurityProvider provider = new AesSecurityProvider();
        provider.settings = AesSettings.forKeyDirectory(keyDir, role);
        return provider;
    }

    /** The {@code plugin.aes.*} settings (and {@code securityprovider}) of {@link #fromKeyDirectory}, as config lines. */
    public static Map<String, String> keyDirectorySettings(Path keyDir, Role role) {
        return AesSettings.keyDirectoryLines(keyDir, role);
    }

    @Override
    public String callerId() {
        return settings.own().callerId();
    }

    @Override
    public byte[] encodeRequest(Request request) {
        return encodeRequest(request, SslCrypto.randomSecret());
    }

    /** {@link #encodeRequest(Request)} with a given AES key, so a test can reproduce Ruby's bytes. */
    byte[] encodeRequest(Request request, byte[] secret) {
        Map<Object, Object> envelope = SecurityEnvelope.requestHash(request);
        Map<Object, Object> plain = new LinkedHashMap<>();
        plain.put(AES_MSG, request.body());
        plain.put(AES_TTL, (long) request.ttl());
        plain.put(AES_MSGTIME, request.msgtime());
        // a node's own requests (registration) are encrypted with the server key, a client's with the client key
        seal(envelope, plain, settings.own().privateKey(), secret);
        if (settings.sendPubkey()) {
            envelope.put(SSLPUBKEY, settings.own().publicPem());
        }
        return settings.serializer().dump(envelope);
    }

    /** Refused: an aes_security reply is encrypted to its requester, so the request is needed. */
    @Override
    public byte[] encodeReply(Reply reply) {
        throw new McollectiveException(
                "aes_security encrypts a reply to the public key of its requester; encode it with its request");
    }

    /**
     * {@code encodereply}: a node encrypts the reply with the requester's certificate (or its own private key when
     * it is its own request); a client with its private key, as Ruby's client does.
     */
    @Override
    public byte[] encodeReply(Reply reply, Request request) {
        Key key;
        if (settings.role() == Role.NODE && !request.callerId().equals(callerIdOrNull())) {
            key = settings.certs().publicKeyOf(request.callerId());
        } else {
            key = settings.own().privateKey();
        }
        Map<Object, Object> envelope = SecurityEnvelope.replyHash(reply);
        seal(envelope, reply.body(), key, SslCrypto.randomSecret());
        return settings.serializer().dump(envelope);
    }

    private String callerIdOrNull() {
        try {
            return callerId();
        } catch (McollectiveException e) {
            return null; // no server_public: no request of ours to answer
        }
    }

    private void seal(Map<Object, Object> envelope, Object body, Key key, byte[] secret) {
        SslCrypto.Sealed sealed = SslCrypto.encrypt(settings.serializer().dump(body), key, secret);
        envelope.put(SecurityEnvelope.BODY, RubyString.ascii(sealed.data()));
        envelope.put(SSLKEY, RubyString.ascii(sealed.key()));
    }

    @Override
    public Request decodeRequest(byte[] payload) {
        SecurityEnvelope.Received envelope = SecurityEnvelope.Received.of(outer(payload));
        if (settings.role() == Role.CLIENT) {
            return envelope.request(settings.serializer().load(openWithOwnKey(envelope)));
        }
        String callerId = envelope.string(SecurityEnvelope.CALLERID);
        if (settings.learnPubkeys() && envelope.get(SSLPUBKEY) != null) {
            settings.certs().learn(callerId, envelope.string(SSLPUBKEY), settings.insecureLearning());
        }
        PublicKey key = settings.certs().publicKeyOf(callerId);
        byte[] plain;
        try {
            plain = SslCrypto.decrypt(envelope.string(SSLKEY), envelope.string(SecurityEnvelope.BODY), key);
        } catch (SslCrypto.RsaException | GeneralSecurityException e) {
            throw refused("Could not decrypt message from " + describe(envelope), e);
        }
        return secured(envelope, load(plain, envelope));
    }

    @Override
    public Reply decodeReply(byte[] payload) {
        SecurityEnvelope.Received envelope = SecurityEnvelope.Received.of(outer(payload));
        return envelope.reply(load(openWithOwnKey(envelope), envelope));
    }

    /** A client's decryption: with its private key; one that does not fit means the message is someone else's. */
    private byte[] openWithOwnKey(SecurityEnvelope.Received envelope) {
        try {
            return SslCrypto.decrypt(
                    envelope.string(SSLKEY),
                    envelope.string(SecurityEnvelope.BODY),
                    settings.own().privateKey());
        } catch (SslCrypto.RsaException e) {
            throw new MsgDoesNotMatchRequestIdException(
                    "Could not decrypt message using our key, possibly directed at another client", e);
        } catch (GeneralSecurityException e) {
            throw refused("Could not decrypt message from " + describe(envelope), e);
        }
    }

    private Object outer(byte[] payload) {
        try {
            return settings.serializer().load(payload);
        } catch (McollectiveException e) {
            throw new MessageDecodeException("Could not decode message: " + e.getMessage(), e);
        }
    }

    private Object load(byte[] plain, SecurityEnvelope.Received envelope) {
        try {
            return settings.serializer().load(plain);
        } catch (McollectiveException e) {
            throw refused("Could not decrypt message from " + describe(envelope), e);
        }
    }

    /**
     * The node side of {@code decodemsg} after decryption: the ttl and msgtime from the encrypted copy
     * ({@code update_secure_property}), the body from {@code :aes_msg}; a body that is not a Hash is the old protocol,
     * accepted only with {@code plugin.aes.enforce_ttl = 0}.
     */
    private Request secured(SecurityEnvelope.Received envelope, Object inner) {
        long ttl = envelope.integer(SecurityEnvelope.TTL);
        long msgtime = envelope.integer(SecurityEnvelope.MSGTIME);
        Object body = inner;
        if (inner instanceof Map<?, ?> map) {
            Map<Object, Object> rest = new LinkedHashMap<>(map);
            ttl = secure(envelope, rest, AES_TTL, ttl, "TTL");
            msgtime = secure(envelope, rest, AES_MSGTIME, msgtime, "Message Time");
            body = rest.containsKey(AES_MSG) ? rest.get(AES_MSG) : rest;
        } else if (settings.enforceTtl()) {
            throw new SecurityValidationFailedException(
                    "Message " + describe(envelope) + " is in an unknown or older security protocol, ignoring");
        }
        if (body == null) {
            throw new MessageDecodeException("Message :aes_msg is nil");
        }
        Request plain = envelope.request(body);
        return new Request(
                plain.requestId(),
                plain.senderId(),
                plain.callerId(),
                plain.agent(),
                plain.collective(),
                plain.filter(),
                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, ttl)),
                msgtime,
                body);
    }

    private long secure(
            SecurityEnvelope.Received envelope,
            Map<Object, Object> inner,
            RubySymbol property,
            long outside,
            String description) {
        String request = describe(envelope);
        if (!inner.containsKey(property)) {
            if (settings.enforceTtl()) {
                throw new SecurityValidationFailedException(
                        "Request " + request + " does not have a secure " + description);
            }
            LOG.warn("Request {} does not have a secure {}", LogSafe.of(request), description);
            return outside;
        }
        Object secured = inner.remove(property);
        Long value = secured instanceof Long n
                ? n
                : secured instanceof BigInteger big && big.bitLength() < 64 ? big.longValue() : null;
        if (value == null || value != outside) {
            String message = "Request " + request + " " + description + " does not match encrypted " + description
                    + " - possible tampering";
            if (settings.enforceTtl()) {
                throw new SecurityValidationFailedException(message);
            }
            LOG.warn("{}", LogSafe.of(message));
        }
        return value == null ? outside : value;
    }

    /** {@code request_description}: {@code requestid from callerid@senderid}. */
    private static String describe(SecurityEnvelope.Received envelope) {
        return envelope.get(SecurityEnvelope.REQUESTID) + " from " + envelope.get(SecurityEnvelope.CALLERID) + "@"
                + envelope.get(SecurityEnvelope.SENDERID);
    }

    private static SecurityValidationFailedException refused(String message, Exception cause) {
        LOG.debug("{}: {}", LogSafe.of(message), LogSafe.of(cause.getMessage()));
        return new SecurityValidationFailedException(message + ": " + cause.getMessage(), cause);
    }

    /** For tests: the settings in force. */
    AesSettings settings() {
        return Objects.requireNonNull(settings, "init was not called");
    }
}
