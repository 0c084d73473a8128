package mcollective.broker;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import io.netty.buffer.ByteBuf;

/**
 * Follows the STOMP frames of one client connection as their bytes arrive and reports the first frame that breaks
 * a {@link FrameLimits} bound or the framing rules below. It never holds a frame: it keeps counters and the first
 * {@value #KEPT} bytes of the current line, so a frame is refused while it is still being read.
 *
 * <p>The grammar is STOMP's, made strict where Artemis' decoders would read the same bytes differently, so that this
 * scanner and the decoder behind it always agree where a frame ends: the command is one of the client commands on a
 * line of its own; every header line holds a colon; lines end with LF only (a CR in the command or a header is
 * refused; ruby-stomp and this port send LF); at most one {@code content-length}, decimal; with it the body is that
 * many bytes and a NUL, without it the body runs to the first NUL. EOLs between frames (heart-beats) are skipped.
 *
 * <p>Not thread-safe: one scanner per connection, called on that connection's event loop.
 */
final class StompFrameScanner {
    /** Bytes kept of each line: enough for any client command and for a {@code content-length} header. */
    static final int KEPT = 64;

    private static final Set<String> COMMANDS = Set.of(
            "CONNECT",
            "STOMP",
            "SEND",
            "SUBSCRIBE",
            "UNSUBSCRIBE",
            "ACK",
            "NACK",
            "BEGIN",
            "COMMIT",
            "ABORT",
            "DISCONNECT");
    private static final int LONGEST_COMMAND = "UNSUBSCRIBE".length();
    private static final String CONTENT_LENGTH = "content-length";
    private static final int MAX_LENGTH_DIGITS = 12;

    private enum State {
        BETWEEN_FRAMES,
        COMMAND,
        HEADERS,
        BODY_OF_LENGTH,
        BODY_TO_NUL,
        TERMINATOR
    }

    private final FrameLimits limits;
    private final BooleanSupplier authenticated;
    private final byte[] line = new byte[KEPT];
    private State state = State.BETWEEN_FRAMES;
    private int lineLength;
    private int colonAt;
    private int headers;
    private int headerBytes;
    private long contentLength;
    private long body;
    private int bodyLimit;

    /**
     * @param limits        the bounds to enforce
     * @param authenticated whether the connection has logged in (checked at the start of each frame): before that,
     *                      bodies are limited to {@link FrameLimits#UNAUTHENTICATED_BODY_BYTES}
     */
    StompFrameScanner(FrameLimits limits, BooleanSupplier authenticated) {
        this.limits = limits;
        this.authenticated = authenticated;
    }

    /**
     * Scans the readable bytes of {@code buf}, which follow the bytes of the previous call, without moving its
     * indexes. Returns why the stream must be refused (a one-line message naming the bound), or empty if it is
     * fine so far. After a refusal the scanner must not be used again.
     */
    Optional<String> scan(ByteBuf buf) {
        int i = buf.readerIndex();
        int end = buf.writerIndex();
        while (i < end) {
            switch (state) {
                case BETWEEN_FRAMES -> {
                    byte b = buf.getByte(i);
                    if (b == '\n' || b == '\r') {
                        i++;
                    } else {
                        startFrame();
                    }
                }
                case COMMAND, HEADERS -> {
                    Optional<String> refusal = lineByte(buf.getByte(i++));
                    if (refusal.isPresent()) {
                        return refusal;
                    }
                }
                case BODY_OF_LENGTH -> {
                    int n = (int) Math.min(body, end - i);
                    i += n;
                    body -= n;
                    if (body == 0) {
                        state = State.TERMINATOR;
                    }
                }
                case TERMINATOR -> {
                    if (buf.getByte(i++) != 0) {
                        return Optional.of("frame body is not followed by NUL where its content-length of "
                                + contentLength + " bytes ends");
                    }
                    state = State.BETWEEN_FRAMES;
                }
                case BODY_TO_NUL -> {
                    int nul = buf.indexOf(i, end, (byte) 0);
                    int upTo = nul < 0 ? end : nul;
                    body += upTo - i;
                    if (body > bodyLimit) {
                        return Optional.of(tooLarge("more than " + bodyLimit));
                    }
                    i = nul < 0 ? end : nul + 1;
                    if (nul >= 0) {
                        state = State.BETWEEN_FRAMES;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        return Optional.empty();
    }

    private void startFrame() {
        state = State.COMMAND;
        headers = 0;
        headerBytes = 0;
        contentLength = -1;
        body = 0;
        bodyLimit = authenticated.getAsBoolean()
                ? limits.maxBodyBytes()
                : Math.min(limits.maxBodyBytes(), FrameLimits.UNAUTHENTICATED_BODY_BYTES);
        newLine();
    }

    private void newLine() {
        lineLength = 0;
        colonAt = -1;
    }

    private Optional<String> lineByte(byte b) {
        if (++headerBytes > limits.maxHeaderBytes()) {
            return Optional.of(
                    "frame headers exceed " + limits.maxHeaderBytes() + " bytes (plugin.broker.max_header_size)");
        }
        if (b == '\n') {
            return state == State.COMMAND ? endOfCommand() : endOfHeaderLine();
        }
        if (b == '\r') {
            return Optional.of("carriage return in a frame header line (the embedded broker takes LF line endings)");
        }
        if (++lineLength > limits.maxHeaderLineBytes()) {
            return Optional.of("header line exceeds " + limits.maxHeaderLineBytes()
                    + " bytes (plugin.broker.max_header_line_size)");
        }
        if (state == State.COMMAND && lineLength > LONGEST_COMMAND) {
            return Optional.of("not a STOMP command '" + printable() + "...'");
        }
        if (b == ':' && colonAt < 0) {
            colonAt = lineLength - 1;
        }
        if (lineLength <= KEPT) {
            line[lineLength - 1] = b;
        }
        return Optional.empty();
    }

    private Optional<String> endOfCommand() {
        String command = printable();
        if (!COMMANDS.contains(command)) {
            return Optional.of("not a STOMP command '" + command + "'");
        }
        state = State.HEADERS;
        newLine();
        return Optional.empty();
    }

    private Optional<String> endOfHeaderLine() {
        if (lineLength == 0) {
            return endOfHeaders();
        }
        if (colonAt < 0) {
            return Optional.of("header line without a colon");
        }
        if (++headers > limits.maxHeaders()) {
            return Optional.of("frame has more than " + limits.maxHeaders() + " headers (plugin.broker.max_headers)");
        }
        Optional<String> refusal = colonAt == CONTENT_LENGTH.length()
                        && CONTENT_LENGTH.equals(new String(line, 0, colonAt, StandardCharsets.US_ASCII))
                ? contentLengthHeader()
                : Optional.empty();
        newLine();
        return refusal;
    }

    private Optional<String> contentLengthHeader() {
        if (contentLength >= 0) {
            return Optional.of("frame has two content-length headers");
        }
        int from = colonAt + 1;
        while (from < Math.min(lineLength, KEPT) && (line[from] == ' ' || line[from] == '\t')) {
            from++;
        }
        int digits = lineLength - from;
        if (lineLength > KEPT || digits == 0 || digits > MAX_LENGTH_DIGITS) {
            return Optional.of("content-length is not a byte count");
        }
        long value = 0;
        for (int i = from; i < lineLength; i++) {
            if (line[i] < '0' || line[i] > '9') {
                return Optional.of("content-length is not a byte count");
            }
            value = value * 10 + (line[i] - '0');
        }
        if (value > bodyLimit) {
            return Optional.of(tooLarge(Long.toString(value)));
        }
        contentLength = value;
        return Optional.empty();
    }

    private Optional<String> endOfHeaders() {
        if (contentLength >= 0) {
            body = contentLength;
            state = contentLength == 0 ? State.TERMINATOR : State.BODY_OF_LENGTH;
        } else {
            state = State.BODY_TO_NUL;
        }
        return Optional.empty();
    }

    private String tooLarge(String size) {
        return "frame body of " + size + " bytes exceeds the limit of " + bodyLimit + " bytes"
                + (bodyLimit < limits.maxBodyBytes() ? " before CONNECT" : " (plugin.broker.max_frame_size)");
    }

    /**
     * The kept bytes of the current line, with anything but printable ASCII, and the colon and backslash a STOMP
     * header value cannot carry unescaped, shown as '?'.
     */
    private String printable() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(lineLength, KEPT); i++) {
            byte b = line[i];
            text.append(b >= 0x20 && b < 0x7f && b != ':' && b != '\\' ? (char) b : '?');
        }
        return text.toString();
    }
}
