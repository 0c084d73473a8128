package mcollective.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * An {@link AuthorizationProvider}'s answer. A denial carries the reason for the node's log; the client is only ever
 * told {@value #DENIED}, as Ruby's action policy tells it.
 */
public final class AuthorizationDecision {
    /** The {@code statusmsg} of a denied request, MCollective's wording. */
    public static final String DENIED = "You are not authorized to call this agent or action.";

    private static final AuthorizationDecision ALLOW = new AuthorizationDecision(null);

    private final String reason;

    private AuthorizationDecision(String reason) {
        this.reason = reason;
    }

    /** The request may run. */
    public static AuthorizationDecision allow() {
        return ALLOW;
    }

    /** @param reason why, for the node's log (a policy file and line); never null */
    public static AuthorizationDecision deny(String reason) {
        return new AuthorizationDecision(Objects.requireNonNull(reason, "reason"));
    }

    public boolean allowed() {
        return reason == null;
    }

    /** Why the request was refused; empty when it is allowed. */
    public Optional<String> denial() {
        return Optional.ofNullable(reason);
    }

    @Override
    public String toString() {
        return allowed() ? "allow" : "deny: " + reason;
    }
}
