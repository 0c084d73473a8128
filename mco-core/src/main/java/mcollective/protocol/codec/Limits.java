package mcollective.protocol.codec;

import java.util.function.Function;

/**
 * The fixed bounds on untrusted input, in one place (docs/compatibility.md "Limits"). Every parser or decoder that
 * recurses on input checks its depth here, so that a crafted message is refused with a one-line message naming the
 * limit instead of exhausting the stack of the thread that reads it.
 */
public final class Limits {
    /** Parentheses and {@code not}s in one compound filter (a real filter nests 2 or 3). */
    public static final int COMPOUND_DEPTH = 64;
    /** Arrays, Hashes and ivars in one Marshal stream ({@link MarshalOptions#DEFAULT_MAX_DEPTH}). */
    public static final int MARSHAL_DEPTH = MarshalOptions.DEFAULT_MAX_DEPTH;
    /** Objects and arrays in one JSON document: Ruby's {@code JSON.parse} default {@code max_nesting}. */
    public static final int JSON_DEPTH = 100;
    /** Characters in one JSON string value. */
    public static final int JSON_STRING_LENGTH = 16 * 1024 * 1024;
    /** Bytes in one JSON document. */
    public static final long JSON_DOCUMENT_LENGTH = 64L * 1024 * 1024;

    /** Blocks, Arrays and Hashes in one Ruby DSL DDL (a real one nests 3: metadata, action, output). */
    public static final int DDL_DEPTH = 64;
    /** Characters in one regular expression from the network (a filter's {@code /re/}). */
    public static final int REGEX_LENGTH = 4096;

    private Limits() {}

    /**
     * Refuses {@code depth} beyond {@code max}.
     *
     * @param depth   the nesting reached, 1 for the outermost level
     * @param max     the limit
     * @param what    what nests, for the message ("compound filter")
     * @param refusal builds the caller's own exception from the message
     * @throws RuntimeException the one {@code refusal} builds, "WHAT nested deeper than MAX levels"
     */
    public static void checkDepth(
            int depth, int max, String what, Function<String, ? extends RuntimeException> refusal) {
        if (depth > max) {
            throw refusal.apply(what + " nested deeper than " + max + " levels");
        }
    }
}
