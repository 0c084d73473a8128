package mcollective.spi;

import java.util.Locale;

/** What a node decided about an audited request, known before its action runs. */
public enum AuditOutcome {
    /** Valid and authorized: the action runs next (how it ends is not audited, as in Ruby). */
    ALLOWED,
    /** Refused by the authorization plugin (statuscode 1); the action does not run. */
    DENIED,
    /** Refused by the agent's DDL or action list (statuscodes 2 to 4); the action does not run. */
    INVALID,
    /** A check before the action failed unexpectedly (statuscode 5); the action does not run. */
    ERROR;

    /** The lower-case name the audit logs write: {@code allowed}, {@code denied}, {@code invalid}, {@code error}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
