package mcollective.spi;

import java.util.Objects;

/**
 * A reply ready for the wire.
 *
 * @param replyTo the destination named by the request's reply-to header
 * @param ttl     seconds, for the broker expiry
 * @param payload the bytes the security plugin produced
 */
public record OutboundReply(String replyTo, int ttl, byte[] payload) {
    public OutboundReply {
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(payload, "payload");
    }
}
