package mcollective.broker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;

import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.logging.LogSafe;

/**
 * Artemis security for the broker's logins: a CONNECT with a login and passcode of one of them is accepted, any
 * other is refused (Artemis answers with an ERROR frame and closes the connection); what a login may then do is
 * {@link DestinationPolicy}'s decision, by its role and, for a client, its identities. Artemis' role-based
 * security settings are not consulted: the reply-queue rule depends on the login, which they cannot express.
 * Artemis caches both answers for a while. Thread-safe (immutable).
 */
final class BrokerSecurity implements ActiveMQSecurityManager5 {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerSecurity.class);

    private final Map<String, BrokerUser> users;

    BrokerSecurity(List<BrokerUser> users) {
        Map<String, BrokerUser> byLogin = new LinkedHashMap<>();
        for (BrokerUser user : users) {
            if (byLogin.put(user.login(), user) != null) {
                throw new McollectiveException("Broker login " + user.login() + " is configured twice");
            }
        }
        this.users = Map.copyOf(byLogin);
    }

    @Override
    public Subject authenticate(String login, String passcode, RemotingConnection connection, String domain) {
        BrokerUser user = login == null ? null : users.get(login);
        if (user == null || !user.password().matches(passcode)) {
            LOG.debug(
                    "Broker login refused for {} from {}",
                    LogSafe.of(String.valueOf(login)),
                    connection == null ? "?" : connection.getRemoteAddress());
            return null;
        }
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user.login()));
        subject.getPrincipals().add(new RolePrincipal(user.role().configName()));
        return subject;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        Optional<BrokerUser> user = subject == null
                ? Optional.empty()
                : subject.getPrincipals(UserPrincipal.class).stream()
                        .map(p -> users.get(p.getName()))
                        .filter(u -> u != null)
                        .findFirst();
        boolean allowed = user.isPresent() && DestinationPolicy.allows(user.get(), checkType, address);
        if (!allowed) {
            LOG.debug(
                    "Broker refused {} on {} to {}",
                    checkType,
                    LogSafe.of(address),
                    user.map(u -> LogSafe.of(u.login() + " (" + u.role().configName() + ")"))
                            .orElse("nobody"));
        }
        return allowed;
    }

    @Override
    public boolean validateUser(String login, String passcode) {
        BrokerUser user = login == null ? null : users.get(login);
        return user != null && user.password().matches(passcode);
    }

    @Override
    public boolean validateUserAndRole(String login, String passcode, Set<Role> roles, CheckType checkType) {
        return validateUser(login, passcode);
    }
}
