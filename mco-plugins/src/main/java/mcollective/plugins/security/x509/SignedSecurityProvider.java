package mcollective.plugins.security.x509;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import mcollective.SecurityValidationFailedException;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.protocol.codec.RubyString;
import mcollective.protocol.codec.RubySymbol;
import mcollective.spi.SecurityProvider;
import mcollective.spi.support.SecurityEnvelope;

/**
 * A security provider whose every request and reply is signed with the sender's own private key over the
 * {@link CanonicalEnvelope canonical bytes} of the whole envelope, in the Marshal envelope of security/base.rb with
 * three keys added: {@code :signature_algorithm}, {@code :signature} (Base64) and, when the sender sends it,
 * {@code :certificate} (PEM). The wire format is specified in docs/x509-security.md.
 *
 * <p>A subclass says who it is ({@link #signWith} in {@code init}) and where a signer's public key comes from: the
 * caller of a request ({@link #callerKey}) and the sender of a reply ({@link #senderKey}); x509 reads certificates
 * that chain to a CA, chef asks the Chef server. Either hook throws {@link SecurityValidationFailedException} to
 * refuse. Thread-safe when the hooks are.
 */
public abstract class SignedSecurityProvider implements SecurityProvider {
    public static final RubySymbol SIGNATURE_ALGORITHM = RubySymbol.of("signature_algorithm");
    public static final RubySymbol SIGNATURE = RubySymbol.of("signature");
    public static final RubySymbol CERTIFICATE = RubySymbol.of("certificate");

    /**
     * This process's signing identity.
     *
     * @param key         the private key that signs
     * @param callerId    the callerid its requests carry (e.g. {@code x509=alice})
     * @param certificate the PEM sent as {@code :certificate}, when one is sent
     */
    public record Identity(PrivateKey key, String callerId, Optional<String> certificate) {
        public Identity {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(callerId, "callerId");
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    private volatile Identity identity;
    private volatile SignatureAlgorithm algorithm;
    private final SecurityEnvelope requests = new SecurityEnvelope(new Signed(true));
    private final SecurityEnvelope replies = new SecurityEnvelope(new Signed(false));

    /** Sets the identity this provider signs with; called from {@code init}. */
    protected final void signWith(Identity identity, String origin) {
        this.algorithm = SignatureAlgorithm.forKey(identity.key(), origin);
        this.identity = identity;
    }

    /**
     * The public key that must have signed a request from {@code callerId}, once the caller is established (x509:
     * its certificate chains to the CA and names it).
     *
     * @param envelope the received envelope, for a {@code :certificate}
     * @throws SecurityValidationFailedException when the caller is not accepted
     */
    protected abstract PublicKey callerKey(String callerId, SecurityEnvelope.Received envelope);

    /** The public key that must have signed a reply from node {@code senderId}; throws as {@link #callerKey} does. */
    protected abstract PublicKey senderKey(String senderId, SecurityEnvelope.Received envelope);

    @Override
    public String callerId() {
        return identity().callerId();
    }

    @Override
    public byte[] encodeRequest(Request request) {
        return requests.encodeRequest(request);
    }

    @Override
    public Request decodeRequest(byte[] payload) {
        return requests.decodeRequest(payload);
    }

    @Override
    public byte[] encodeReply(Reply reply) {
        return replies.encodeReply(reply);
    }

    @Override
    public Reply decodeReply(byte[] payload) {
        return replies.decodeReply(payload);
    }

    private Identity identity() {
        Identity current = identity;
        if (current == null) {
            throw new IllegalStateException(name() + " security provider used before init");
        }
        return current;
    }

    private byte[] canonical(boolean request, String algorithm, byte[] body, Function<RubySymbol, Object> field) {
        return request
                ? CanonicalEnvelope.request(name(), algorithm, body, field)
                : CanonicalEnvelope.reply(name(), algorithm, body, field);
    }

    /** The seal of one message kind: sign on the way out, verify on the way in. */
    private final class Signed implements SecurityEnvelope.Seal {
        private final boolean request;

        Signed(boolean request) {
            this.request = request;
        }

        @Override
        public byte[] seal(byte[] body, Map<Object, Object> envelope) {
            Identity me = identity();
            SignatureAlgorithm alg = algorithm;
            byte[] signature = alg.sign(me.key(), canonical(request, alg.wireName(), body, envelope::get));
            envelope.put(SIGNATURE_ALGORITHM, RubyString.ascii(alg.wireName()));
            envelope.put(SIGNATURE, RubyString.ascii(Base64.getEncoder().encodeToString(signature)));
            me.certificate().ifPresent(pem -> envelope.put(CERTIFICATE, RubyString.ascii(pem)));
            return body;
        }

        @Override
        public byte[] open(SecurityEnvelope.Received envelope) {
            byte[] body = envelope.bytes(SecurityEnvelope.BODY);
            String signer = envelope.string(request ? SecurityEnvelope.CALLERID : SecurityEnvelope.SENDERID);
            String name = text(envelope, SIGNATURE_ALGORITHM, signer);
            SignatureAlgorithm alg = SignatureAlgorithm.named(name)
                    .orElseThrow(() -> new SecurityValidationFailedException(
                            "Message from " + signer + " names an unknown signature algorithm " + name));
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(text(envelope, SIGNATURE, signer));
            } catch (IllegalArgumentException e) {
                throw new SecurityValidationFailedException(
                        "Message from " + signer + " has a :signature that is not Base64");
            }
            PublicKey key = request ? callerKey(signer, envelope) : senderKey(signer, envelope);
            alg.verify(key, canonical(request, name, body, envelope::get), signature, signer);
            return body;
        }

        private static String text(SecurityEnvelope.Received envelope, RubySymbol key, String signer) {
            Object value = envelope.get(key);
            if (value instanceof String s) {
                return s;
            }
            if (value instanceof byte[] bytes) {
                return new String(bytes, StandardCharsets.US_ASCII);
            }
            throw new SecurityValidationFailedException("Message from " + signer + " carries no " + key);
        }
    }
}
