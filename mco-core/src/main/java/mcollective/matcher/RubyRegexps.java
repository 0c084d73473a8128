package mcollective.matcher;

import mcollective.protocol.codec.RubyRegexp;

/** Ruby's {@code Regexp#to_s} for a {@link RubyRegexp}: {@code /abc/} is {@code (?-mix:abc)}. Stateless. */
final class RubyRegexps {
    private static final int IGNORECASE = 1;
    private static final int EXTENDED = 2;
    private static final int MULTILINE = 4;

    private RubyRegexps() {}

    /** @return the source wrapped in its options, on ones first ({@code m i x}), as Ruby prints it */
    static String toS(RubyRegexp regexp) {
        StringBuilder on = new StringBuilder();
        StringBuilder off = new StringBuilder();
        flag(regexp.options(), MULTILINE, 'm', on, off);
        flag(regexp.options(), IGNORECASE, 'i', on, off);
        flag(regexp.options(), EXTENDED, 'x', on, off);
        return "(?" + on + (off.length() > 0 ? "-" + off : "") + ":" + regexp.source() + ")";
    }

    private static void flag(int options, int bit, char name, StringBuilder on, StringBuilder off) {
        ((options & bit) != 0 ? on : off).append(name);
    }
}
