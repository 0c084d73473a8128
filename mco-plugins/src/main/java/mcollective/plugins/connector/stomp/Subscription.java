package mcollective.plugins.connector.stomp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An active subscription as ruby-stomp keeps it for replay: destination, caller headers and id.
 *
 * @param destination the STOMP destination
 * @param headers     the caller's headers in order (copied)
 * @param id          the subscription id (sent from STOMP 1.1 on)
 */
record Subscription(String destination, Map<String, String> headers, String id) {
    Subscription {
        if (destination == null || destination.isEmpty()) {
            throw new StompException("STOMP destination must not be empty: '" + destination + "'");
        }
        if (id == null || id.isEmpty()) {
            throw new StompException("Subscription id for " + destination + " must not be empty");
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The SUBSCRIBE or UNSUBSCRIBE frame: headers, destination, then id when the version has ids. */
    StompFrame frame(String command, StompVersion version) {
        LinkedHashMap<String, String> h = new LinkedHashMap<>(headers);
        h.put("destination", destination);
        if (version.escapesHeaders()) {
            h.putIfAbsent("id", id);
        }
        return StompFrameWriter.clientFrame(command, h, new byte[0]);
    }
}
