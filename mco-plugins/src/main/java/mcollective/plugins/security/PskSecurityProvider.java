package mcollective.plugins.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import mcollective.McollectiveException;
import mcollective.SecurityValidationFailedException;
import mcollective.config.Config;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.protocol.codec.RubyMarshal;
import mcollective.protocol.codec.RubyString;
import mcollective.spi.PluginContext;
import mcollective.spi.SecurityProvider;
import mcollective.spi.support.SecurityEnvelope;

/**
 * Port of {@code lib/mcollective/security/psk.rb}: Marshal-serialised envelopes whose {@code :hash} is the MD5 hex of
 * the serialised inner body followed by the pre-shared key (PROTOCOL.md §6). Only the body is covered by the hash,
 * exactly as in Ruby; envelope keys are written in Ruby's order so the bytes match a Ruby peer's.
 */
public final class PskSecurityProvider implements SecurityProvider {
    private byte[] psk;
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
        this.psk = key.getBytes(StandardCharsets.UTF_8);
        String callerType = config.pluginSettings().getOrDefault("psk.callertype", "uid");
        this.callerId = CallerIds.forType(callerType, config.identity());
    }

    @Override
    public String callerId() {
        return callerId;
    }

    @Override
    public byte[] encodeRequest(Request request) {
        byte[] body = RubyMarshal.dump(request.body());
        Map<Object, Object> envelope = new LinkedHashMap<>();
        envelope.put(SecurityEnvelope.BODY, body);
        envelope.put(SecurityEnvelope.SENDERID, request.senderId());
        envelope.put(SecurityEnvelope.REQUESTID, RubyString.ascii(request.requestId()));
        envelope.put(SecurityEnvelope.FILTER, request.filter().toRuby());
        envelope.put(SecurityEnvelope.COLLECTIVE, request.collective());
        // The same String instance as in the filter becomes an object link, exactly where Ruby's objects were shared.
        envelope.put(SecurityEnvelope.AGENT, request.agent());
        envelope.put(SecurityEnvelope.CALLERID, request.callerId());
        envelope.put(SecurityEnvelope.TTL, (long) request.ttl());
        envelope.put(SecurityEnvelope.MSGTIME, request.msgtime());
        envelope.put(SecurityEnvelope.HASH, RubyString.ascii(hash(body)));
        return RubyMarshal.dump(envelope);
    }

    @Override
    public Request decodeRequest(byte[] payload) {
        Map<?, ?> envelope = SecurityEnvelope.outer(payload);
        byte[] body = verified(envelope);
        return SecurityEnvelope.request(envelope, RubyMarshal.load(body));
    }

    @Override
    public byte[] encodeReply(Reply reply) {
        byte[] body = RubyMarshal.dump(reply.body());
        Map<Object, Object> envelope = new LinkedHashMap<>();
        envelope.put(SecurityEnvelope.SENDERID, reply.senderId());
        envelope.put(SecurityEnvelope.REQUESTID, RubyString.ascii(reply.requestId()));
        envelope.put(SecurityEnvelope.SENDERAGENT, reply.senderAgent());
        envelope.put(SecurityEnvelope.MSGTIME, reply.msgtime());
        envelope.put(SecurityEnvelope.BODY, body);
        envelope.put(SecurityEnvelope.HASH, RubyString.ascii(hash(body)));
        return RubyMarshal.dump(envelope);
    }

    @Override
    public Reply decodeReply(byte[] payload) {
        Map<?, ?> envelope = SecurityEnvelope.outer(payload);
        byte[] body = verified(envelope);
        return SecurityEnvelope.reply(envelope, RubyMarshal.load(body));
    }

    private byte[] verified(Map<?, ?> envelope) {
        byte[] body = SecurityEnvelope.bytes(envelope, SecurityEnvelope.BODY);
        Object hash = envelope.get(SecurityEnvelope.HASH);
        String expected = hash(body);
        if (!(hash instanceof String given)
                || !MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII))) {
            throw new SecurityValidationFailedException("Received an invalid signature in message");
        }
        return body;
    }

    /** {@code Digest::MD5.hexdigest(body + psk)}. */
    String hash(byte[] body) {
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
