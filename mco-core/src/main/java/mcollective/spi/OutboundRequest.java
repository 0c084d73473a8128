package mcollective.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request ready for the wire.
 *
 * @param agent      target agent
 * @param collective target collective
 * @param targets    node identities for a directed request (one message each); empty for a broadcast
 * @param ttl        seconds; the broker expiry is derived from it
 * @param replyTo    a custom reply destination ({@code --reply-to}); empty means the connector's reply target
 * @param sequence   the client's request sequence, naming the reply queue
 * @param payload    the bytes the security plugin produced
 */
public record OutboundRequest(
        String agent,
        String collective,
        List<String> targets,
        int ttl,
        Optional<String> replyTo,
        long sequence,
        byte[] payload) {

    public OutboundRequest {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(collective, "collective");
        targets = List.copyOf(targets);
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(payload, "payload");
    }

    public boolean isDirected() {
        return !targets.isEmpty();
    }
}
