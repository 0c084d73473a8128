package mcollective.protocol.codec;

/**
 * How {@link RubyMarshal#load} reads. Immutable.
 *
 * @param preserveStrings return every String as a {@link RubyString} (with its encoding), so that
 *                        {@link RubyMarshal#dump} writes the same bytes again (links are kept in every mode: a link
 *                        reads as the same instance)
 * @param maxDepth        how deeply Arrays, Hashes and ivars may nest; at least 1
 */
public record MarshalOptions(boolean preserveStrings, int maxDepth) {
    public static final int DEFAULT_MAX_DEPTH = 64;

    public MarshalOptions {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, not " + maxDepth);
        }
    }

    /** Strings as {@link String}/{@code byte[]}, depth {@value #DEFAULT_MAX_DEPTH}. */
    public static MarshalOptions defaults() {
        return new MarshalOptions(false, DEFAULT_MAX_DEPTH);
    }

    /** Strings as {@link RubyString}, for byte-identical round trips; depth {@value #DEFAULT_MAX_DEPTH}. */
    public static MarshalOptions preserving() {
        return new MarshalOptions(true, DEFAULT_MAX_DEPTH);
    }
}
