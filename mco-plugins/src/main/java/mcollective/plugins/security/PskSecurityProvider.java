package mcollective.plugins.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import mcollective.McollectiveException;
import mcollective.SecurityValidationFailedException;
import mcollective.config.Config;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.protocol.codec.RubyString;
import mcollective.spi.PluginContext;
import mcollective.spi.SecurityProvider;
import mcollective.spi.support.SecurityEnvelope;

/**
 * Port of {@code lib/mcollective/security/psk.rb}: the {@link SecurityEnvelope} of security/base.rb, sealed with a
 * {@code :hash} that is the MD5 hex of the serialised inner body followed by the pre-shared key (reference/PROTOCOL.md §6).
 * Only the body is covered by the hash, exactly as in Ruby.
 */
public final class PskSecurityProvider implements SecurityProvider {
    private SecurityEnvelope envelope;
    private String callerId;

    @Override
    public String name() {
        return "psk";
    }

    @Override
    public void init(PluginContext context) {
        Config config = context.config();
        String key = Optional.ofNullable(context.env().get("MCOLLECTIVE_PSK"))
                .or(() -> Optional.ofNullable(config.pluginSettings().get("psk")))
                .orElseThrow(() -> new McollectiveException(
                        "No plugin.psk configuration option specified (and no MCOLLECTIVE_PSK environment variable)"));
        this.envelope = new SecurityEnvelope(new Md5Seal(key.getBytes(StandardCharsets.UTF_8)));
        String callerType = config.pluginSettings().getOrDefault("psk.callertype", "uid");
        this.callerId = CallerIds.forType(callerType, config.identity());
    }

    @Override
    public String callerId() {
        return callerId;
    }

    @Override
    public byte[] encodeRequest(Request request) {
        return envelope.encodeRequest(request);
    }

    @Override
    public Request decodeRequest(byte[] payload) {
        return envelope.decodeRequest(payload);
    }

    @Override
    public byte[] encodeReply(Reply reply) {
        return envelope.encodeReply(reply);
    }

    @Override
    public Reply decodeReply(byte[] payload) {
        return envelope.decodeReply(payload);
    }

    /** psk's seal: {@code :hash} is {@code Digest::MD5.hexdigest(body + psk)}. */
    private static final class Md5Seal implements SecurityEnvelope.Seal {
        private final byte[] psk;

        Md5Seal(byte[] psk) {
            this.psk = psk;
        }

        /** {@code :hash} after the base keys, as psk.rb sets {@code req[:hash]} on the result of {@code create_*}. */
        @Override
        public byte[] seal(byte[] body, Map<Object, Object> envelope) {
            envelope.put(SecurityEnvelope.HASH, RubyString.ascii(hash(body)));
            return body;
        }

        /** {@code validrequest?}: the received {@code :hash} must be the one this psk gives the body. */
        @Override
        public byte[] open(SecurityEnvelope.Received envelope) {
            byte[] body = envelope.bytes(SecurityEnvelope.BODY);
            Object hash = envelope.get(SecurityEnvelope.HASH);
            String expected = hash(body);
            if (!(hash instanceof String given)
                    || !MessageDigest.isEqual(
                            given.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII))) {
                throw new SecurityValidationFailedException("Received an invalid signature in message");
            }
            return body;
        }

        private String hash(byte[] body) {
            try {
                MessageDigest md5 = MessageDigest.getInstance("MD5");
                md5.update(body);
                md5.update(psk);
                return HexFormat.of().formatHex(md5.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("MD5 is missing from this JVM", e);
            }
        }
    }
}
