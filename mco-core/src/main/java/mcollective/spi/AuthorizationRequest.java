package mcollective.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link AuthorizationProvider} sees of one SimpleRPC request: the fields of Ruby's {@code RPC::Request}
 * that authorization plugins read.
 *
 * @param agent    the agent the request is for
 * @param action   the action
 * @param callerId the caller as the security plugin vouches for it ({@code uid=500}, {@code cert=admin})
 * @param senderId the identity of the client's host
 * @param data     the action's inputs, by plain name; unmodifiable
 */
public record AuthorizationRequest(
        String agent, String action, String callerId, String senderId, Map<String, Object> data) {

    public AuthorizationRequest {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(senderId, "senderId");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
