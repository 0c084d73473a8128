package mcollective.broker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/**
 * Artemis security for exactly one login: that user may do everything, every other login is refused (Artemis then
 * answers the STOMP CONNECT with an ERROR frame and closes the connection). Thread-safe (immutable).
 */
final class SingleUserSecurity implements ActiveMQSecurityManager {
    private final String user;
    private final byte[] password;

    SingleUserSecurity(String user, String password) {
        this.user = user;
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean validateUser(String login, String passcode) {
        return user.equals(login)
                && passcode != null
                && MessageDigest.isEqual(password, passcode.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean validateUserAndRole(String login, String passcode, Set<Role> roles, CheckType checkType) {
        return validateUser(login, passcode);
    }
}
