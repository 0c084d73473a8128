package mcollective.broker;

import mcollective.McollectiveException;

/**
 * What one STOMP frame sent to the embedded broker may hold. The broker checks these while the frame arrives, so
 * a frame breaking one is refused before it is buffered whole (see {@link StompFrameScanner}).
 *
 * @param maxBodyBytes       largest body of an authenticated connection's frame, in bytes
 * @param maxHeaders         most header lines in one frame
 * @param maxHeaderLineBytes longest command or header line, in bytes, without its newline
 * @param maxHeaderBytes     most bytes of command and header lines together, newlines included
 */
public record FrameLimits(int maxBodyBytes, int maxHeaders, int maxHeaderLineBytes, int maxHeaderBytes) {
    /**
     * The defaults: 16 MiB bodies, and ActiveMQ 5's STOMP header bounds (1000 headers, lines of 10 KiB) with at most
     * 256 KiB of headers in all. MCollective sends about ten short headers per frame.
     */
    public static final FrameLimits DEFAULTS = new FrameLimits(16 * 1024 * 1024, 1000, 10 * 1024, 256 * 1024);

    /**
     * The body a frame may carry before its connection has logged in: CONNECT needs none, so an unauthenticated
     * client cannot make the broker hold a large frame.
     */
    static final int UNAUTHENTICATED_BODY_BYTES = 4096;

    /** Validates that every bound is positive and that one header line fits in the header total. */
    public FrameLimits {
        positive("max_frame_size", maxBodyBytes);
        positive("max_headers", maxHeaders);
        positive("max_header_line_size", maxHeaderLineBytes);
        positive("max_header_size", maxHeaderBytes);
        if (maxHeaderLineBytes >= maxHeaderBytes) {
            throw new McollectiveException("Broker max_header_line_size " + maxHeaderLineBytes
                    + " must be smaller than max_header_size " + maxHeaderBytes);
        }
    }

    /** These limits with another largest body. */
    public FrameLimits withMaxBodyBytes(int bytes) {
        return new FrameLimits(bytes, maxHeaders, maxHeaderLineBytes, maxHeaderBytes);
    }

    private static void positive(String key, int value) {
        if (value <= 0) {
            throw new McollectiveException("Broker " + key + " " + value + " must be positive");
        }
    }
}
