package mcollective.plugins.connector.stomp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One STOMP frame: a command, headers in wire order and a binary body. Immutable and thread-safe; the header map
 * and body are defensive copies. Port of the data carried by ruby-stomp's {@code Stomp::Message}.
 */
public final class StompFrame {
    private final String command;
    private final Map<String, String> headers;
    private final byte[] body;

    /**
     * Creates a frame.
     *
     * @param command the STOMP command, e.g. {@code SEND}; not null or empty
     * @param headers headers in the order they go on the wire; not null, no null keys or values
     * @param body    the body bytes; not null (use an empty array for none)
     * @throws StompException if the command is empty or a header key or value is null
     */
    public StompFrame(String command, Map<String, String> headers, byte[] body) {
        if (command == null || command.isEmpty()) {
            throw new StompException("STOMP command must not be empty: '" + command + "'");
        }
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new StompException("STOMP header of " + command + " has a null key or value: " + k + "=" + v);
            }
            copy.put(k, v);
        });
        this.command = command;
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body.clone();
    }

    /** A frame without body. */
    public static StompFrame of(String command, Map<String, String> headers) {
        return new StompFrame(command, headers, new byte[0]);
    }

    /** The command, e.g. {@code MESSAGE}. */
    public String command() {
        return command;
    }

    /** The headers in wire order; unmodifiable, never null. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The value of one header, if present. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** A copy of the body bytes; never null. */
    public byte[] body() {
        return body.clone();
    }

    /** The body length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    /** The body decoded as UTF-8 (for logging and ERROR frames). */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Frames are equal when command, headers (including order) and body bytes are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof StompFrame f
                && command.equals(f.command)
                && List.copyOf(headers.entrySet()).equals(List.copyOf(f.headers.entrySet()))
                && Arrays.equals(body, f.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(command, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return command + headers + " body=" + body.length + " bytes";
    }
}
