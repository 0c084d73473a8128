package mcollective.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ephemeral TCP ports on 127.0.0.1. Stateless. */
public final class LocalPort {
    private LocalPort() {}

    /**
     * A port the system just handed out on 127.0.0.1 and that nothing listens on now: for a server about to start
     * on it, or for a client that must find nobody there.
     */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }
}
