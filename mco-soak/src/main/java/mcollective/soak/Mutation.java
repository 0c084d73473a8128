package mcollective.soak;

/**
 * One mutated request ready to send.
 *
 * @param kind        how it was made
 * @param destination the STOMP destination
 * @param body        the message body
 */
public record Mutation(Kind kind, String destination, byte[] body) {
    /** Mutation kinds; the weight is how often the mutator picks it. */
    public enum Kind {
        VALID(4),
        BIT_FLIP(20),
        BYTE_INSERT(10),
        BYTE_DELETE(10),
        TRUNCATE(10),
        SPLICE(10),
        BIG_STRING(1),
        HUGE_LENGTH(4),
        DEEP_NESTING(2),
        NESTED_FILTER(1),
        CONTROL_CHARS(8),
        FLOAT_TEXT(4),
        WRONG_TYPES(8),
        EXPIRED(4),
        FUTURE(4);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }
}
