package mcollective.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * One audited SimpleRPC request, with the fields of Ruby's {@code RPC::Request} that audit plugins read.
 *
 * @param requestId   {@code uniqid}: the envelope's {@code :requestid}
 * @param requestTime {@code time}: the envelope's {@code :msgtime}, epoch seconds
 * @param callerId    {@code caller}: the envelope's {@code :callerid}
 * @param senderId    {@code sender}: the envelope's {@code :senderid}
 * @param agent       the agent that handles it
 * @param action      the body's {@code :action}
 * @param data        the body's {@code :data} as decoded, Ruby types kept (Symbol or String keys); empty when the
 *                    request has none (Ruby's nil)
 * @param outcome     what the node decided
 */
public record AuditRecord(
        String requestId,
        long requestTime,
        String callerId,
        String senderId,
        String agent,
        String action,
        Optional<Object> data,
        AuditOutcome outcome) {

    public AuditRecord {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(outcome, "outcome");
    }
}
