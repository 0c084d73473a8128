package mcollective.config;

import java.math.BigInteger;
import java.util.Optional;

import mcollective.ruby.RubyNumbers;
import mcollective.ruby.RubyValues;

/**
 * One {@code key = value} as read, with where it came from, so later conversions can name the file and line.
 *
 * @param value  the value text, never null
 * @param source the file (or source) name, never null
 * @param line   1-based line number, 0 when unknown
 */
record Setting(String value, String source, int line) {

    /** A {@link ConfigException} located at this setting. */
    ConfigException error(String message) {
        return ConfigException.at(source, line, message);
    }

    /** The value as Ruby's {@code Integer()}; empty when Ruby would raise or it does not fit an {@code int}. */
    Optional<Integer> asInt() {
        return RubyNumbers.integer(value)
                .filter(n -> n.bitLength() < Integer.SIZE)
                .map(BigInteger::intValue);
    }

    /** The value as Ruby's {@code Float()}; empty when Ruby would raise. */
    Optional<Double> asFloat() {
        return RubyNumbers.floating(value);
    }

    /**
     * The value as {@code Util.str_to_bool}.
     *
     * @param option the option as the message names it, e.g. {@code plugin.psk.enabled}
     * @throws ConfigException with Ruby's {@code Cannot convert string value 'x' into a boolean.}, located here
     */
    boolean asBool(String option) {
        return RubyValues.strToBool(value)
                .orElseThrow(() -> error("Cannot convert string value '" + RubyValues.strip(value)
                        + "' into a boolean. (option '" + option + "')"));
    }
}
