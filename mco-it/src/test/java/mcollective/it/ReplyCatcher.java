package mcollective.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import mcollective.plugins.connector.stomp.StompClient;
import mcollective.plugins.connector.stomp.StompClientOptions;
import mcollective.plugins.connector.stomp.StompFrame;
import mcollective.plugins.connector.stomp.StompHost;
import mcollective.testkit.fleet.Fleet;

/**
 * A raw STOMP login to a fleet's broker, subscribed to one reply queue, that keeps every frame arriving there: for
 * tests that send requests, forged or not, themselves. Thread-safe.
 */
final class ReplyCatcher implements AutoCloseable {
    private final String queue;
    private final StompClient stomp;
    private final List<StompFrame> replies = new CopyOnWriteArrayList<>();

    private ReplyCatcher(Fleet fleet, String queue) {
        this.queue = queue;
        this.stomp = new StompClient(StompClientOptions.builder()
                .host(StompHost.plain("127.0.0.1", fleet.port(), Fleet.USER, Fleet.PASSWORD))
                .onMessage(replies::add)
                .build());
    }

    /** Connected to {@code fleet}'s broker with the fleet's login and subscribed to {@code queue}. */
    static ReplyCatcher on(Fleet fleet, String queue) {
        ReplyCatcher catcher = new ReplyCatcher(fleet, queue);
        catcher.stomp.connect();
        catcher.stomp.subscribe(queue, Map.of());
        return catcher;
    }

    /** The reply queue, for a {@code reply-to} header. */
    String queue() {
        return queue;
    }

    /** Sends {@code body} to {@code destination} with exactly {@code headers}. */
    void send(String destination, Map<String, String> headers, byte[] body) {
        stomp.send(destination, headers, body);
    }

    /** The frames received so far, live. */
    List<StompFrame> replies() {
        return replies;
    }

    void clear() {
        replies.clear();
    }

    @Override
    public void close() {
        stomp.close();
    }
}
