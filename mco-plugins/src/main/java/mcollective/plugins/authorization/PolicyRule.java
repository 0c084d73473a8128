package mcollective.plugins.authorization;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import mcollective.spi.AuthorizationRequest;
import mcollective.spi.NodeInfo;

/**
 * One {@code allow} or {@code deny} line of a policy file: callers, actions, facts and (optionally) classes. Port of
 * {@code check_policy} of {@code util/actionpolicy.rb}; a rule matches when every field does. Immutable.
 *
 * @param allow   true for {@code allow}, false for {@code deny}
 * @param line    its line number, for messages
 * @param callers {@code *} (empty list) or callerids and group names
 * @param actions {@code *} (empty list) or action names
 * @param facts   the facts field (the only node condition of a four-field rule)
 * @param classes the classes field of a five-field rule
 */
record PolicyRule(
        boolean allow,
        int line,
        List<String> callers,
        List<String> actions,
        NodeCondition facts,
        Optional<NodeCondition> classes) {

    /**
     * Whether the caller is named, exactly, or is a member of a named group. Ruby tests the caller field as a
     * string for containing the callerid ({@code "uid=5000".include?("uid=500")}); this port never matches part of
     * a callerid (quirk Q-17).
     */
    boolean matchesCaller(String callerId, Map<String, List<String>> groups) {
        if (callers.isEmpty()) {
            return true;
        }
        for (String caller : callers) {
            if (caller.equals(callerId)
                    || groups.getOrDefault(caller, List.of()).contains(callerId)) {
                return true;
            }
        }
        return false;
    }

    boolean matchesAction(String action) {
        return actions.isEmpty() || actions.contains(action);
    }

    /** @throws mcollective.McollectiveException if a node condition cannot be evaluated */
    boolean matches(AuthorizationRequest request, NodeInfo node, Map<String, List<String>> groups) {
        return matchesCaller(request.callerId(), groups)
                && matchesAction(request.action())
                && facts.test(node)
                && classes.map(c -> c.test(node)).orElse(true);
    }
}
