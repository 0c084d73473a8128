package mcollective.ruby;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Ruby (Onigmo) regular expressions on java.util.regex: the one translation of a Ruby source and its options, a
 * bounded cache of compiled patterns, a match with a step budget so a pathological pattern cannot stall a thread, and
 * {@code Regexp#to_s}. Thread-safe.
 *
 * <p>Translation: Ruby's {@code ^}/{@code $} are always line anchors and its {@code .} stops only at {@code \n}
 * (MULTILINE, UNIX_LINES); case folding is Unicode (UNICODE_CASE); option and inline {@code m} is Java's DOTALL
 * ({@code s}); {@code i} and {@code x} are the same; {@code \h}/{@code \H} are (non-)hex digits, also inside a
 * class; POSIX brackets ({@code [[:alpha:]]}, {@code [[:^digit:]]}) work inside a class. Everything else means the
 * same in both dialects or is left to Java to refuse.
 */
public final class RubyRegex {
    /** {@code Regexp::IGNORECASE}. */
    public static final int IGNORECASE = 1;
    /** {@code Regexp::EXTENDED}. */
    public static final int EXTENDED = 2;
    /** {@code Regexp::MULTILINE} (Java's DOTALL). */
    public static final int MULTILINE = 4;

    private static final int MAX_CACHED = 1024;
    private static final long STEP_BUDGET = 1_000_000L;
    private static final Pattern STARTS_WITH_SLASH = Pattern.compile("^/", Pattern.MULTILINE | Pattern.UNIX_LINES);
    /** A compiled Pattern, or the RubyRegexException its source gave, so a bad pattern is not compiled again. */
    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alpha", "\\p{Alpha}"),
            Map.entry("digit", "\\p{Digit}"),
            Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"),
            Map.entry("lower", "\\p{Lower}"),
            Map.entry("space", "\\s"),
            Map.entry("punct", "\\p{Punct}"),
            Map.entry("xdigit", "\\p{XDigit}"),
            Map.entry("word", "\\w"),
            Map.entry("blank", "\\p{Blank}"),
            Map.entry("cntrl", "\\p{Cntrl}"),
            Map.entry("print", "\\p{Print}"),
            Map.entry("graph", "\\p{Graph}"));

    private RubyRegex() {}

    /** The option bits of the letters after a literal's closing slash ({@code "mi"} is MULTILINE | IGNORECASE). */
    public static int options(String letters) {
        int options = 0;
        for (int i = 0; i < letters.length(); i++) {
            options |= option(letters.charAt(i));
        }
        return options;
    }

    /** {@link #compile(String, int)} without options, as {@code String#match(str)} compiles a String. */
    public static Pattern compile(String source) {
        return compile(source, 0);
    }

    /**
     * The Java pattern for a Ruby regex, from the cache when it was compiled before.
     *
     * @param source  the Ruby source text, never null
     * @param options {@link #IGNORECASE}, {@link #EXTENDED}, {@link #MULTILINE} or'ed together
     * @throws RubyRegexException naming the source when Java cannot compile it
     */
    public static Pattern compile(String source, int options) {
        String key = options + "/" + source;
        Object cached = CACHE.get(key);
        if (cached == null) {
            cached = compileUncached(source, options);
            if (CACHE.size() >= MAX_CACHED) {
                CACHE.clear(); // crude, but bounded: hostile peers can send endless distinct patterns
            }
            CACHE.put(key, cached);
        }
        if (cached instanceof RubyRegexException e) {
            throw new RubyRegexException(e.getMessage());
        }
        return (Pattern) cached;
    }

    private static Object compileUncached(String source, int options) {
        int flags = Pattern.MULTILINE | Pattern.UNIX_LINES | Pattern.UNICODE_CASE;
        flags |= (options & IGNORECASE) != 0 ? Pattern.CASE_INSENSITIVE : 0;
        flags |= (options & MULTILINE) != 0 ? Pattern.DOTALL : 0;
        flags |= (options & EXTENDED) != 0 ? Pattern.COMMENTS : 0;
        try {
            return Pattern.compile(translate(source), flags);
        } catch (PatternSyntaxException e) {
            return new RubyRegexException("invalid regular expression " + source + ": " + e.getDescription());
        } catch (StackOverflowError e) {
            return new RubyRegexException("invalid regular expression " + source + ": nested too deeply");
        }
    }

    /**
     * Ruby's {@code input =~ Regexp.new(source, options)}, compiled through the cache and run with a budget of a
     * million character reads; catastrophic backtracking reads the input over and over.
     *
     * @throws RubyRegexException when the source does not compile, the budget is spent or java.util.regex recurses
     *                            too deeply
     */
    public static boolean find(String source, int options, CharSequence input) {
        Pattern pattern = compile(source, options);
        try {
            return pattern.matcher(new BudgetedSequence(input.toString())).find();
        } catch (BudgetExceeded e) {
            throw new RubyRegexException("regular expression /" + source + "/ is too expensive");
        } catch (StackOverflowError e) {
            // java.util.regex recurses per repetition of a group; the matcher holds no lock, so the thread is sound
            throw new RubyRegexException("regular expression /" + source + "/ recursed too deeply on a "
                    + input.length() + "-character value");
        }
    }

    /**
     * Ruby's {@code s.match("^/")}, which util.rb uses to tell a {@code /re/} from a name: true if any line starts
     * with a slash.
     */
    public static boolean looksLikeRegex(String s) {
        return STARTS_WITH_SLASH.matcher(s).find();
    }

    /**
     * Ruby's {@code Regexp#to_s} ({@code rb_reg_to_s}): the source wrapped in its options, on ones first
     * ({@code (?mi-x:abc)}). As in Ruby, leading {@code (?i)} groups fold into the options, and a source that is
     * one whole {@code (?i-mx:...)} group is unwrapped first, so the result reads back as the same Regexp.
     */
    public static String toS(String source, int options) {
        String text = source;
        int opts = options;
        while (text.length() >= 4 && text.startsWith("(?")) {
            int i = 2;
            int folded = opts;
            for (; i < text.length() && option(text.charAt(i)) != 0; i++) {
                folded |= option(text.charAt(i));
            }
            if (i + 1 < text.length() && text.charAt(i) == '-') {
                for (i++; i < text.length() && option(text.charAt(i)) != 0; i++) {
                    folded &= ~option(text.charAt(i));
                }
            }
            if (i < text.length() && text.charAt(i) == ')') {
                text = text.substring(i + 1);
                opts = folded;
                continue;
            }
            String inner = i < text.length() && text.charAt(i) == ':' && text.endsWith(")")
                    ? text.substring(i + 1, text.length() - 1)
                    : null;
            if (inner != null && compiles(inner, folded)) {
                text = inner;
                opts = folded;
            } else {
                text = source;
                opts = options;
            }
            break;
        }
        StringBuilder on = new StringBuilder();
        StringBuilder off = new StringBuilder();
        ((opts & MULTILINE) != 0 ? on : off).append('m');
        ((opts & IGNORECASE) != 0 ? on : off).append('i');
        ((opts & EXTENDED) != 0 ? on : off).append('x');
        return "(?" + on + (off.length() > 0 ? "-" + off : "") + ":" + text + ")";
    }

    private static int option(char letter) {
        return switch (letter) {
            case 'i' -> IGNORECASE;
            case 'x' -> EXTENDED;
            case 'm' -> MULTILINE;
            default -> 0;
        };
    }

    private static boolean compiles(String source, int options) {
        return compileUncached(source, options) instanceof Pattern;
    }

    /** Rewrites the Ruby-only constructs into Java's; {@code ^} also matches an empty input, as in Ruby. */
    static String translate(String source) {
        StringBuilder out = new StringBuilder(source.length() + 16);
        int classDepth = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                char next = source.charAt(++i);
                switch (next) {
                    case 'h' -> out.append(classDepth > 0 ? "0-9a-fA-F" : "[0-9a-fA-F]");
                    case 'H' ->
                        out.append(
                                classDepth > 0 ? "\\x00-\\x2f\\x3a-\\x40\\x47-\\x60\\x67-\\x{10FFFF}" : "[^0-9a-fA-F]");
                    default -> out.append(c).append(next);
                }
            } else if (c == '[' && source.startsWith("[:", i) && classDepth > 0) {
                int end = source.indexOf(":]", i + 2);
                String name = end < 0 ? "" : source.substring(i + 2, end);
                boolean negated = name.startsWith("^");
                String java = POSIX.get(negated ? name.substring(1) : name);
                if (java == null) {
                    out.append(c);
                    classDepth++;
                } else {
                    out.append(negated ? "[^" + java + "]" : java);
                    i = end + 1;
                }
            } else if (c == '^' && classDepth == 0) {
                out.append("(?:^|\\A)"); // Java's multiline ^ never matches at the end of the input, Ruby's at 0 does
            } else if (c == '(' && classDepth == 0 && source.startsWith("(?", i)) {
                // inline options, (?mi-x) or (?mi-x:...): Ruby's m is Java's s
                out.append("(?");
                i++;
                while (i + 1 < source.length() && "imx-".indexOf(source.charAt(i + 1)) >= 0) {
                    char flag = source.charAt(++i);
                    out.append(flag == 'm' ? 's' : flag);
                }
            } else {
                if (c == '[') {
                    classDepth++;
                } else if (c == ']' && classDepth > 0) {
                    classDepth--;
                }
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

    /** Counts character reads across all the views a matcher takes of one input. */
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
