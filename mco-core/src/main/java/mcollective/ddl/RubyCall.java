package mcollective.ddl;

import java.util.List;
import java.util.Map;

/**
 * One method call of the Ruby DSL as the parser reads it: {@code input :fact, :type => :string do ... end}.
 *
 * @param name  the method name
 * @param args  positional arguments (String, RubySymbol, Long, Double, Boolean, null, List, Map, {@link RubyRegex},
 *              or a nested {@link RubyCall} such as {@code summary(:value)})
 * @param hash  the trailing {@code key => value} arguments, keys as written (Symbols by name)
 * @param block the calls inside its {@code do ... end}, empty when it has none
 * @param line  where it starts
 */
public record RubyCall(String name, List<Object> args, Map<String, Object> hash, List<RubyCall> block, int line) {

    /** A regular expression literal, kept as its source text. */
    public record RubyRegex(String source) {
    }
}
