package mcollective.plugins.connector.stomp;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads STOMP frames from a stream as ruby-stomp's {@code _receive} does: leading EOLs (heart-beats) are skipped,
 * {@code \r\n} line ends are tolerated, a {@code content-length} body is read exactly (it may contain NULs), else the
 * body runs to the first NUL. Headers are unescaped only when the version is 1.1 or later, and never on CONNECTED; in
 * 1.0 keys and values are trimmed. A repeated header keeps its first value. Everything is bounded by
 * {@link StompLimits}.
 *
 * <p>Not thread-safe: one reader thread per stream. Reads byte by byte, so give it a buffered stream.
 */
public final class StompFrameReader {
    private final InputStream in;
    private final StompLimits limits;
    private volatile StompVersion version = StompVersion.V1_0;

    /**
     * Creates a reader.
     *
     * @param in     the (buffered) stream to read; not null
     * @param limits the bounds to enforce; not null
     */
    public StompFrameReader(InputStream in, StompLimits limits) {
        this.in = in;
        this.limits = limits;
    }

    /** Sets the negotiated version, which decides header unescaping. May be called from any thread. */
    public void version(StompVersion negotiated) {
        this.version = negotiated;
    }

    /**
     * Reads the next frame, blocking until it is complete.
     *
     * @return the frame; never null
     * @throws EOFException   if the stream ends (before or inside a frame)
     * @throws IOException    on an I/O error
     * @throws StompException if the frame is malformed or exceeds the limits
     */
    public StompFrame read() throws IOException {
        int[] budget = new int[1];
        String command;
        do {
            budget[0] = limits.maxFrameBytes(); // heart-beat EOLs between frames do not count
            command = readLine(budget, true);
        } while (command.isEmpty());
        StompVersion v = version;
        boolean decode = v.escapesHeaders() && !"CONNECTED".equals(command);
        Map<String, String> headers = new LinkedHashMap<>();
        int count = 0;
        for (String line = readLine(budget, false); !line.isEmpty(); line = readLine(budget, false)) {
            if (++count > limits.maxHeaders()) {
                throw new StompException(
                        "STOMP " + command + " frame has more than " + limits.maxHeaders() + " headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new StompException("Malformed STOMP header line in " + command + " frame: '" + line + "'");
            }
            String key = line.substring(0, colon);
            String value = line.substring(colon + 1);
            if (decode) {
                key = HeaderEscaping.decode(key, v);
                value = HeaderEscaping.decode(value, v);
            } else if (!v.escapesHeaders()) {
                key = key.strip();
                value = value.strip();
            }
            headers.putIfAbsent(key, value);
        }
        return new StompFrame(command, headers, readBody(command, headers, budget));
    }

    private byte[] readBody(String command, Map<String, String> headers, int[] budget) throws IOException {
        String length = headers.get("content-length");
        if (length == null) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int b = next(); b != 0; b = next()) {
                if (--budget[0] < 0) {
                    throw tooBig(command);
                }
                body.write(b);
            }
            return body.toByteArray();
        }
        int n;
        try {
            n = Integer.parseInt(length.strip());
        } catch (NumberFormatException e) {
            throw new StompException("Invalid content-length '" + length + "' in STOMP " + command + " frame", e);
        }
        if (n < 0) {
            throw new StompException("Invalid content-length '" + length + "' in STOMP " + command + " frame");
        }
        if (n > budget[0]) {
            throw tooBig(command);
        }
        byte[] body = in.readNBytes(n);
        if (body.length < n) {
            throw new EOFException("Stream ended inside the body of a STOMP " + command + " frame");
        }
        int terminator = next();
        if (terminator != 0) {
            throw new StompException("STOMP " + command + " frame with content-length " + n
                    + " is not followed by NUL but by byte " + terminator);
        }
        return body;
    }

    /** Reads one line without its LF (and without a CR before it). */
    private String readLine(int[] budget, boolean atFrameStart) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = atFrameStart && line.size() == 0 ? in.read() : next();
            if (b < 0) {
                throw new EOFException("Connection closed by the broker");
            }
            if (b == '\n') {
                break;
            }
            if (--budget[0] < 0) {
                throw tooBig("incoming");
            }
            if (line.size() >= limits.maxHeaderLineBytes()) {
                throw new StompException("STOMP header line longer than " + limits.maxHeaderLineBytes() + " bytes");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, len, StandardCharsets.UTF_8);
    }

    private int next() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("Stream ended inside a STOMP frame");
        }
        return b;
    }

    private StompException tooBig(String command) {
        return new StompException(
                "STOMP " + command + " frame exceeds the maximum frame size of " + limits.maxFrameBytes() + " bytes");
    }
}
