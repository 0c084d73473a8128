package mcollective.broker;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import mcollective.McollectiveException;

/**
 * One login of the embedded broker.
 *
 * @param login      the STOMP {@code login}
 * @param role       what it may do
 * @param password   how its {@code passcode} is checked
 * @param identities for a {@link BrokerRole#CLIENT}: the MCollective identities whose reply queues
 *                   ({@code <collective>.reply.<identity>_<pid>[.<seq>]}) it may read; empty means the login itself
 */
public record BrokerUser(String login, BrokerRole role, Password password, List<String> identities) {
    /** What Ruby MCollective accepts as an identity ({@code config.rb}). */
    private static final Pattern IDENTITY = Pattern.compile("[\\w.\\-]+");

    public BrokerUser {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(password, "password");
        identities = List.copyOf(identities);
        if (login.isEmpty()) {
            throw new McollectiveException("A broker login must not be empty");
        }
        for (String identity : identities) {
            if (!IDENTITY.matcher(identity).matches()) {
                throw new McollectiveException("Broker user " + login + ": identity '" + identity
                        + "' is not an MCollective identity (letters, digits, _ . -)");
            }
        }
    }

    /** A user with no identities of its own (a client then reads the reply queues of identity {@code login}). */
    public BrokerUser(String login, BrokerRole role, Password password) {
        this(login, role, password, List.of());
    }

    /** The identities whose reply queues a client login may read. */
    List<String> replyIdentities() {
        return identities.isEmpty() ? List.of(login) : identities;
    }
}
