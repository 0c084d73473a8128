package mcollective.ddl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a Ruby (Onigmo) regular expression as {@code String#match} in a validator uses it: {@code ^} and
 * {@code $} match at line ends (Ruby's are always line anchors), the {@code m} option is Java's DOTALL, {@code i}
 * and {@code x} are the same, {@code \h} is a hex digit and POSIX brackets ({@code [[:alpha:]]}) work. Compiled
 * patterns are cached; thread-safe.
 */
public final class RubyPattern {
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();
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

    private RubyPattern() {}

    /**
     * The Java pattern for a Ruby regex.
     *
     * @param source  the Ruby source text, never null
     * @param options a subset of {@code imx}, never null ("" for a quoted string used as a regex)
     * @throws DdlValidationException naming the source when Java cannot compile it
     */
    public static Pattern compile(String source, String options) {
        return CACHE.computeIfAbsent(options + "/" + source, key -> {
            int flags = Pattern.MULTILINE;
            flags |= options.indexOf('i') >= 0 ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
            flags |= options.indexOf('m') >= 0 ? Pattern.DOTALL : 0;
            flags |= options.indexOf('x') >= 0 ? Pattern.COMMENTS : 0;
            try {
                return Pattern.compile(translate(source), flags);
            } catch (PatternSyntaxException e) {
                throw new DdlValidationException("invalid regular expression " + source + ": " + e.getDescription());
            }
        });
    }

    /** Rewrites the Ruby-only constructs; everything else means the same in both dialects. */
    static String translate(String source) {
        StringBuilder out = new StringBuilder();
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
}
