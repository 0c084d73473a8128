package mcollective.plugins.connector.stomp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encodes frames byte for byte as ruby-stomp 1.4.10's {@code _transmit}: command, headers in insertion order, an
 * empty line, the body and a NUL, with {@code \n} line ends. Stateless and thread-safe.
 */
public final class StompFrameWriter {
    /** The content type ruby-stomp adds to every frame it sends. */
    public static final String CONTENT_TYPE = "text/plain; charset=UTF-8";

    private StompFrameWriter() {}

    /**
     * Builds a client frame the way ruby-stomp does: the given headers in order, then {@code content-length} (always
     * set to the body size, keeping its position if the caller supplied it) and {@code content-type} (only if absent).
     *
     * @param command e.g. {@code SEND}; not null
     * @param headers the caller's headers in order; not null
     * @param body    the body; not null
     * @return the frame to write
     */
    public static StompFrame clientFrame(String command, Map<String, String> headers, byte[] body) {
        LinkedHashMap<String, String> h = new LinkedHashMap<>(headers);
        h.put("content-length", Integer.toString(body.length));
        h.putIfAbsent("content-type", CONTENT_TYPE);
        return new StompFrame(command, h, body);
    }

    /**
     * Encodes a frame. Headers are escaped when {@code version} is 1.1 or later, except on CONNECT (as ruby-stomp).
     *
     * @param frame   the frame; not null
     * @param version the negotiated version; not null
     * @return the bytes to put on the wire, ending with NUL
     * @throws StompException if a 1.0 (or CONNECT) header contains a line break, or a key contains {@code :}, which
     *                        would corrupt the frame
     */
    public static byte[] encode(StompFrame frame, StompVersion version) {
        boolean escape = version.escapesHeaders() && !"CONNECT".equals(frame.command());
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + frame.bodyLength());
        line(out, frame.command());
        frame.headers().forEach((k, v) -> {
            if (escape) {
                line(out, HeaderEscaping.encode(k, version) + ":" + HeaderEscaping.encode(v, version));
            } else {
                if (k.indexOf(':') >= 0 || k.indexOf('\n') >= 0 || v.indexOf('\n') >= 0) {
                    throw new StompException("STOMP " + version.wire() + " cannot carry header " + k + "=" + v);
                }
                line(out, k + ":" + v);
            }
        });
        out.write('\n');
        out.writeBytes(frame.body());
        out.write(0);
        return out.toByteArray();
    }

    private static void line(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
