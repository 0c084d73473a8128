package mcollective.ddl;

import java.util.List;
import java.util.Map;

/**
 * One method call of the Ruby DSL as the parser reads it: {@code input :fact, :type => :string do ... end}.
 *
 * @param name  the method name
 * @param args  positional arguments (String, RubySymbol, Long, Double, Boolean, null, List, Map, {@link RubyRegex},
 *              or a nested {@link RubyCall} such as {@code summary(:value)}); a null element is Ruby's {@code nil}
 * @param hash  the trailing {@code key => value} arguments, keys as written (Symbols by name)
 * @param block the calls inside its {@code do ... end}, empty when it has none
 * @param line  where it starts
 */
public record RubyCall(String name, List<Object> args, Map<String, Object> hash, List<RubyCall> block, int line) {

    /**
     * A regular expression literal, kept as its source text and options.
     *
     * @param source  the text between the slashes, as written
     * @param options Ruby's options after the closing slash, a subset of {@code imx}; "" for none
     */
    public record RubyRegex(String source, String options) {
        public RubyRegex {
            java.util.Objects.requireNonNull(source, "source");
            java.util.Objects.requireNonNull(options, "options");
        }

        /** A literal without options, {@code /source/}. */
        public RubyRegex(String source) {
            this(source, "");
        }

        /** Ruby's {@code Regexp#to_s}, e.g. {@code (?-mix:^\d+$)} or {@code (?i-mx:abc)}: how MCollective prints it. */
        public String toRubyString() {
            StringBuilder on = new StringBuilder();
            StringBuilder off = new StringBuilder();
            for (char flag : new char[] {'m', 'i', 'x'}) {
                (options.indexOf(flag) >= 0 ? on : off).append(flag);
            }
            return "(?" + on + (off.length() > 0 ? "-" + off : "") + ":" + source + ")";
        }
    }

    /**
     * A double-quoted string holding {@code #{var}} interpolations, as read before an {@code each} loop's variable is
     * substituted; none survives parsing.
     *
     * @param text the string with its {@code #{...}} parts as written
     */
    public record Template(String text) {}
}
