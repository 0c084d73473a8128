package mcollective.cli.output;

import mcollective.ruby.RubyValues;

/** Ruby's {@code inspect} of decoded values, as {@code mco rpc -v} and non-scalar outputs print them. */
public final class RubyInspect {
    private RubyInspect() {}

    /** {@code inspect}, as {@link RubyValues#inspect} gives it. */
    public static String inspect(Object value) {
        return RubyValues.inspect(value);
    }

    /** {@code to_s}: strings bare, everything else inspected. */
    public static String plain(Object value) {
        if (value instanceof String s) {
            return s;
        }
        return value == null ? "" : inspect(value);
    }
}
