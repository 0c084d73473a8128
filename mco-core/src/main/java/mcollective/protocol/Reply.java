package mcollective.protocol;

import java.util.Objects;

/**
 * A reply once decoded (reference/PROTOCOL.md §6.2). {@code body} is the decoded inner body: {@code "pong"} for the
 * discovery agent, {@code {:statuscode, :statusmsg, :data}} for SimpleRPC.
 *
 * <p>Port of the reply side of {@code lib/mcollective/message.rb}.
 */
public record Reply(String requestId, String senderId, String senderAgent, long msgtime, Object body) {
    public Reply {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(senderAgent, "senderAgent");
        Objects.requireNonNull(body, "body");
    }
}
