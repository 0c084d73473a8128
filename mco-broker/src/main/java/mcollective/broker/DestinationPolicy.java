package mcollective.broker;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.activemq.artemis.core.security.CheckType;

/**
 * What each {@link BrokerRole} may do with which Artemis address, after MCollective's ActiveMQ security guide.
 * Addresses are STOMP destinations without their {@code /queue/} or {@code /topic/} prefix; {@code <c>} is any
 * collective:
 * <table>
 *   <caption>Who reads and writes what</caption>
 *   <tr><th>address</th><th>node</th><th>client</th></tr>
 *   <tr><td>{@code <c>.<agent>.agent}, {@code <c>.agents} (requests)</td><td>read</td><td>write</td></tr>
 *   <tr><td>{@code <c>.nodes} (directed requests)</td><td>read</td><td>write</td></tr>
 *   <tr><td>{@code <c>.registration.agent}</td><td>read, write</td><td>write</td></tr>
 *   <tr><td>{@code <c>.reply.<identity>_<pid>[.<seq>]}</td><td>write</td>
 *       <td>read, for its own identities only</td></tr>
 * </table>
 * Everything else, Artemis' {@code activemq.notifications} and {@code activemq.management} included, is for
 * {@link BrokerRole#ADMIN} only. Reading is {@code CONSUME} and {@code BROWSE}; creating and deleting an address
 * or queue is allowed where the login may read or write; {@code MANAGE}, {@code VIEW} and {@code EDIT} are for
 * admins. Stateless.
 */
final class DestinationPolicy {
    /** {@code <c>.reply.<identity>_<pid>} with an optional {@code .<seq>}: the identity is group 1. */
    private static final Pattern REPLY = Pattern.compile("[^.]+\\.reply\\.([\\w.\\-]+)_\\d+(?:\\.\\d+)?");

    private DestinationPolicy() {}

    /**
     * Whether {@code user} may do {@code check} on {@code address}, which may be a fully qualified queue name
     * ({@code address::queue}): then the address and, if it names another MCollective destination, the queue must
     * both be allowed.
     */
    static boolean allows(BrokerUser user, CheckType check, String address) {
        if (user.role() == BrokerRole.ADMIN) {
            return true;
        }
        int separator = address.indexOf("::");
        if (separator < 0) {
            return allowsAddress(user, check, address);
        }
        String bare = address.substring(0, separator);
        String queue = address.substring(separator + 2);
        return allowsAddress(user, check, bare)
                && (queue.equals(bare) || kind(queue) == Kind.OTHER || allowsAddress(user, check, queue));
    }

    private static boolean allowsAddress(BrokerUser user, CheckType check, String address) {
        Kind kind = kind(address);
        boolean read = mayRead(user, kind, address);
        boolean write = mayWrite(user.role(), kind);
        return switch (check) {
            case SEND -> write;
            case CONSUME, BROWSE -> read;
            case CREATE_ADDRESS,
                    DELETE_ADDRESS,
                    CREATE_DURABLE_QUEUE,
                    DELETE_DURABLE_QUEUE,
                    CREATE_NON_DURABLE_QUEUE,
                    DELETE_NON_DURABLE_QUEUE -> read || write;
            case MANAGE, VIEW, EDIT -> false;
        };
    }

    private static boolean mayRead(BrokerUser user, Kind kind, String address) {
        return switch (user.role()) {
            case NODE -> kind == Kind.REQUEST || kind == Kind.REGISTRATION;
            case CLIENT -> kind == Kind.REPLY && ownReply(user.replyIdentities(), address);
            case ADMIN -> true;
        };
    }

    private static boolean mayWrite(BrokerRole role, Kind kind) {
        return switch (role) {
            case NODE -> kind == Kind.REPLY || kind == Kind.REGISTRATION;
            case CLIENT -> kind == Kind.REQUEST || kind == Kind.REGISTRATION;
            case ADMIN -> true;
        };
    }

    private static boolean ownReply(List<String> identities, String address) {
        Matcher m = REPLY.matcher(address);
        return m.matches() && identities.contains(m.group(1));
    }

    /** The MCollective destinations, told apart by their words; a wildcard address is none of them. */
    enum Kind {
        REQUEST,
        REGISTRATION,
        REPLY,
        OTHER
    }

    static Kind kind(String address) {
        String[] words = address.split("\\.", -1);
        for (String word : words) {
            if (word.isEmpty() || word.equals("*") || word.equals("#")) {
                return Kind.OTHER;
            }
        }
        if (words.length >= 3 && words[1].equals("reply")) {
            return Kind.REPLY;
        }
        if (words.length == 3 && words[2].equals("agent")) {
            return words[1].equals("registration") ? Kind.REGISTRATION : Kind.REQUEST;
        }
        if (words.length == 2 && (words[1].equals("nodes") || words[1].equals("agents"))) {
            return Kind.REQUEST;
        }
        return Kind.OTHER;
    }
}
