package mcollective.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message as received from the middleware, before the security plugin has looked at it.
 *
 * @param payload     the body bytes (base64-decoded already if the connector is configured so)
 * @param replyTo     the reply-to header, if any
 * @param destination where it arrived
 * @param headers     every header the broker delivered
 */
public record InboundMessage(
        byte[] payload, Optional<String> replyTo, String destination, Map<String, String> headers) {
    public InboundMessage {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(destination, "destination");
        headers = Map.copyOf(headers);
    }

    /** The unverified sender header ({@code mc_sender}), for log lines. */
    public String sender() {
        return headers.getOrDefault("mc_sender", "unknown");
    }
}
