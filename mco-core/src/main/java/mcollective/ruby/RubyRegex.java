package mcollective.ruby;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.logging.LogSafe;
import mcollective.matcher.FilterEvaluationException;
import mcollective.protocol.codec.Limits;

/**
 * Ruby-flavoured regular expressions from the network: compiled once, cached, translated where Ruby and Java differ,
 * and run with a step budget so a pathological pattern cannot stall a worker thread. Thread-safe.
 *
 * <p>Translation: Ruby's {@code ^}/{@code $} are always line anchors and its {@code .} stops only at {@code \n}
 * (MULTILINE, UNIX_LINES); {@code \h}/{@code \H} are hex digits; an inline {@code m} flag is Java's {@code s}.
 */
public final class RubyRegex {
    private static final Logger LOG = LoggerFactory.getLogger(RubyRegex.class);
    private static final int MAX_CACHED = 1024;
    private static final long STEP_BUDGET = 1_000_000L;
    private static final Pattern STARTS_WITH_SLASH = Pattern.compile("^/", Pattern.MULTILINE | Pattern.UNIX_LINES);
    private static final Map<String, Optional<Pattern>> CACHE = new ConcurrentHashMap<>();

    private RubyRegex() {}

    /**
     * Ruby's {@code s.match("^/")}, which util.rb uses to tell a {@code /re/} from a name: true if any line starts
     * with a slash.
     */
    public static boolean looksLikeRegex(String s) {
        return STARTS_WITH_SLASH.matcher(s).find();
    }

    /**
     * Ruby's {@code s =~ /re/} for a pattern from the network.
     *
     * @throws FilterEvaluationException if the pattern is longer than {@value Limits#REGEX_LENGTH} characters, does
     *                                    not compile, exhausts the step budget or java.util.regex's recursion
     */
    public static boolean find(String regex, String input) {
        if (regex.length() > Limits.REGEX_LENGTH) {
            throw new FilterEvaluationException(
                    "regular expression of " + regex.length() + " characters is longer than " + Limits.REGEX_LENGTH);
        }
        Pattern pattern = compile(regex)
                .orElseThrow(() -> new FilterEvaluationException("invalid regular expression /" + regex + "/"));
        try {
            return pattern.matcher(new BudgetedSequence(input)).find();
        } catch (BudgetExceeded e) {
            LOG.debug(
                    "Regular expression /{}/ gave up on '{}' after {} steps",
                    LogSafe.of(regex),
                    LogSafe.of(input),
                    STEP_BUDGET);
            throw new FilterEvaluationException("regular expression /" + regex + "/ is too expensive");
        } catch (StackOverflowError e) {
            // java.util.regex recurses per repetition of a group; the matcher holds no lock, so the thread is sound
            throw new FilterEvaluationException("regular expression /" + regex + "/ recursed too deeply on a "
                    + input.length() + "-character value");
        }
    }

    public static Optional<Pattern> compile(String regex) {
        Optional<Pattern> cached = CACHE.get(regex);
        if (cached != null) {
            return cached;
        }
        Optional<Pattern> compiled;
        try {
            compiled = Optional.of(Pattern.compile(translate(regex), Pattern.MULTILINE | Pattern.UNIX_LINES));
        } catch (PatternSyntaxException | StackOverflowError e) {
            LOG.debug("Ignoring invalid regular expression /{}/: {}", LogSafe.of(regex), LogSafe.of(e));
            compiled = Optional.empty();
        }
        if (CACHE.size() >= MAX_CACHED) {
            CACHE.clear(); // crude, but bounded: hostile peers can send endless distinct patterns
        }
        CACHE.put(regex, compiled);
        return compiled;
    }

    static String translate(String ruby) {
        StringBuilder out = new StringBuilder(ruby.length() + 16);
        for (int i = 0; i < ruby.length(); i++) {
            char c = ruby.charAt(i);
            if (c == '\\' && i + 1 < ruby.length()) {
                char next = ruby.charAt(++i);
                if (next == 'h') {
                    out.append("[0-9a-fA-F]");
                } else if (next == 'H') {
                    out.append("[^0-9a-fA-F]");
                } else {
                    out.append(c).append(next);
                }
            } else if (c == '(' && i + 1 < ruby.length() && ruby.charAt(i + 1) == '?') {
                out.append("(?");
                i++;
                while (i + 1 < ruby.length() && "imx-".indexOf(ruby.charAt(i + 1)) >= 0) {
                    char flag = ruby.charAt(++i);
                    out.append(flag == 'm' ? 's' : flag);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** Counts character reads; catastrophic backtracking reads the input over and over. */
    private static final class BudgetedSequence implements CharSequence {
        private final String text;
        private final long[] steps;

        BudgetedSequence(String text) {
            this(text, new long[1]);
        }

        private BudgetedSequence(String text, long[] steps) {
            this.text = text;
            this.steps = steps;
        }

        @Override
        public char charAt(int index) {
            if (++steps[0] > STEP_BUDGET) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedSequence(text.substring(start, end), steps);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
