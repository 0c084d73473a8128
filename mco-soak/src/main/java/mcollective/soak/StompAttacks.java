package mcollective.soak;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Malformed STOMP sent straight at the broker over raw sockets, one short connection per attack. Half-open
 * connections (never CONNECT) are kept open until {@link #close()} and counted, so their number stays bounded.
 */
public final class StompAttacks implements AutoCloseable {
    /** The attacks. */
    public enum Kind {
        BAD_COMMAND,
        MISSING_NUL,
        HUGE_HEADER_LINE,
        THOUSANDS_OF_HEADERS,
        CONTENT_LENGTH_LIE,
        OVERSIZED_BODY,
        HALF_OPEN,
        GARBAGE
    }

    private static final int MAX_HALF_OPEN = 20;
    private final String host;
    private final int port;
    private final String connect;
    private final Random random;
    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    private final List<Socket> halfOpen = new ArrayList<>();

    public StompAttacks(String host, int port, String user, String password, long seed) {
        this.host = host;
        this.port = port;
        this.connect = "CONNECT\nlogin:" + user + "\npasscode:" + password + "\n\n\0";
        this.random = new Random(seed);
    }

    /** Attacks done so far, per kind. */
    public Map<Kind, Integer> counts() {
        return counts;
    }

    /** One attack of a random kind; I/O failures are expected (the broker hangs up) and ignored. */
    public void attack() {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        if (kind == Kind.HALF_OPEN && halfOpen.size() >= MAX_HALF_OPEN) {
            kind = Kind.GARBAGE;
        }
        counts.merge(kind, 1, Integer::sum);
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), 2000);
            socket.setSoLinger(true, 0);
            OutputStream out = socket.getOutputStream();
            if (kind == Kind.HALF_OPEN) {
                halfOpen.add(socket);
                return;
            }
            out.write(payload(kind));
            out.flush();
        } catch (IOException e) {
            // refused or reset: what a hardened broker does
        }
        try {
            socket.close();
        } catch (IOException e) {
            // ignore
        }
    }

    private byte[] payload(Kind kind) {
        String send = "SEND\ndestination:/topic/mcollective.discovery.agent\n";
        return switch (kind) {
            case BAD_COMMAND -> bytes(connect + "FROBNICATE\nx:y\n\n\0");
            case MISSING_NUL -> bytes(connect + send + "\nno nul at the end");
            case HUGE_HEADER_LINE -> bytes(connect + send + "x-huge:" + "h".repeat(1 << 20) + "\n\nbody\0");
            case THOUSANDS_OF_HEADERS -> bytes(connect + send + "x-h:v\n".repeat(10000) + "\nbody\0");
            case CONTENT_LENGTH_LIE ->
                bytes(connect + send + "content-length:" + (random.nextBoolean() ? "999999999" : "-5") + "\n\nshort\0");
            case OVERSIZED_BODY -> Mutator.concat(bytes(connect + send + "\n"), new byte[16 << 20], new byte[] {0});
            default -> {
                byte[] junk = new byte[1 + random.nextInt(4096)];
                random.nextBytes(junk);
                yield random.nextBoolean() ? junk : Mutator.concat(bytes(connect), junk);
            }
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        for (Socket s : halfOpen) {
            try {
                s.close();
            } catch (IOException e) {
                // ignore
            }
        }
        halfOpen.clear();
    }
}
