package mcollective.plugins.connector.stomp;

/**
 * Bounds on what {@link StompFrameReader} accepts, so that malformed or hostile input is an error and never an
 * out-of-memory. Exceeding a bound raises {@link StompException}.
 *
 * @param maxFrameBytes      upper bound of command + headers + body of one frame, in bytes
 * @param maxHeaders         upper bound of header lines per frame
 * @param maxHeaderLineBytes upper bound of one command or header line, in bytes
 */
public record StompLimits(int maxFrameBytes, int maxHeaders, int maxHeaderLineBytes) {
    /**
     * The defaults: frames up to 64 MiB (MCollective payloads are Marshal'd requests and replies, typically a few
     * KiB; inventory replies of big nodes reach a few MiB), 1000 headers, 64 KiB per header line (long selectors).
     */
    public static final StompLimits DEFAULTS = new StompLimits(64 * 1024 * 1024, 1000, 64 * 1024);

    /** Validates that every bound is positive. */
    public StompLimits {
        if (maxFrameBytes <= 0 || maxHeaders <= 0 || maxHeaderLineBytes <= 0) {
            throw new StompException("STOMP limits must be positive: frame=" + maxFrameBytes + " headers=" + maxHeaders
                    + " line=" + maxHeaderLineBytes);
        }
    }

    /** These limits with another maximum frame size. */
    public StompLimits withMaxFrameBytes(int bytes) {
        return new StompLimits(bytes, maxHeaders, maxHeaderLineBytes);
    }
}
