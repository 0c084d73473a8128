package mcollective.ddl.ruby;

import java.util.List;
import java.util.Map;

import mcollective.protocol.codec.RubyRegexp;

/**
 * One method call of the Ruby DSL as the parser reads it: {@code input :fact, :type => :string do ... end}.
 *
 * @param name  the method name
 * @param args  positional arguments (String, RubySymbol, Long, Double, Boolean, null, List, Map, {@link RubyRegexp},
 *              or a nested {@link RubyCall} such as {@code summary(:value)}); a null element is Ruby's {@code nil}
 * @param hash  the trailing {@code key => value} arguments, keys as written (Symbols by name)
 * @param block the calls inside its {@code do ... end}, empty when it has none
 * @param line  where it starts
 */
public record RubyCall(String name, List<Object> args, Map<String, Object> hash, List<RubyCall> block, int line) {

    /**
     * A double-quoted string holding {@code #{var}} interpolations, as read before an {@code each} loop's variable is
     * substituted; none survives parsing.
     *
     * @param text the string with its {@code #{...}} parts as written
     */
    public record Template(String text) {}
}
