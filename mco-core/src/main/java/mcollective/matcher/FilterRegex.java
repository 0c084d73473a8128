package mcollective.matcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.logging.LogSafe;
import mcollective.protocol.codec.Limits;
import mcollective.ruby.RubyRegex;
import mcollective.ruby.RubyRegexException;

/**
 * A regular expression from a filter, that is from the network: at most {@value Limits#REGEX_LENGTH} characters,
 * translated, cached and run with a step budget by {@link RubyRegex}, and every failure a
 * {@link FilterEvaluationException} so the request is not for this node. Stateless and thread-safe.
 */
final class FilterRegex {
    private static final Logger LOG = LoggerFactory.getLogger(FilterRegex.class);

    private FilterRegex() {}

    /**
     * Ruby's {@code input =~ /regex/}.
     *
     * @throws FilterEvaluationException if the pattern is too long, does not compile, exhausts the step budget or
     *                                    java.util.regex's recursion
     */
    static boolean find(String regex, String input) {
        if (regex.length() > Limits.REGEX_LENGTH) {
            throw new FilterEvaluationException(
                    "regular expression of " + regex.length() + " characters is longer than " + Limits.REGEX_LENGTH);
        }
        if (!compiles(regex)) {
            throw new FilterEvaluationException("invalid regular expression /" + regex + "/");
        }
        try {
            return RubyRegex.find(regex, 0, input);
        } catch (RubyRegexException e) {
            LOG.debug(
                    "Regular expression /{}/ gave up on '{}': {}",
                    LogSafe.of(regex),
                    LogSafe.of(input),
                    e.getMessage());
            throw new FilterEvaluationException(e.getMessage());
        }
    }

    /** True if Java can compile the Ruby pattern; a failure is logged at debug. */
    static boolean compiles(String regex) {
        try {
            RubyRegex.compile(regex);
            return true;
        } catch (RubyRegexException e) {
            LOG.debug("Ignoring {}", LogSafe.of(e.getMessage()));
            return false;
        }
    }
}
