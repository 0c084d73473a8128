package mcollective.protocol.codec;

/**
 * How {@link RubyMarshal#load} reads.
 *
 * @param preserveStrings return every String as a {@link RubyString} (with its encoding) and linked objects as the
 *                        same instance, so that {@link RubyMarshal#dump} writes the same bytes again
 * @param maxDepth        how deeply Arrays and Hashes may nest
 */
public record MarshalOptions(boolean preserveStrings, int maxDepth) {
    public static final int DEFAULT_MAX_DEPTH = 64;

    public static MarshalOptions defaults() {
        return new MarshalOptions(false, DEFAULT_MAX_DEPTH);
    }

    public static MarshalOptions preserving() {
        return new MarshalOptions(true, DEFAULT_MAX_DEPTH);
    }
}
