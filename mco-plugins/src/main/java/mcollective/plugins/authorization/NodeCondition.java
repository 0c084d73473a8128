package mcollective.plugins.authorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import mcollective.McollectiveException;
import mcollective.matcher.CompoundParser;
import mcollective.matcher.DataPluginEvaluator;
import mcollective.matcher.DefaultCompoundEvaluator;
import mcollective.matcher.NodeMatcher;
import mcollective.protocol.FactFilter;
import mcollective.spi.NodeInfo;

/**
 * The facts or classes field of a policy rule, parsed when the policy is read. Port of {@code parse_facts},
 * {@code parse_classes} and {@code parse_compound} of {@code util/actionpolicy.rb}:
 * <ul>
 * <li>{@code *}: every node;</li>
 * <li>a compound filter (a word {@code and}, {@code or}, {@code not}, one starting with {@code !}, or a parenthesis):
 * evaluated as an {@code -S} filter, data functions ({@code fstat('/etc/hosts').size>0}) answered by the node's
 * data plugins;</li>
 * <li>otherwise a space-separated list, every entry of which must hold: {@code fact=value} (any fact filter
 * operator, as {@code -F} takes them) in the facts field, a class name or {@code /regex/} in the classes field.</li>
 * </ul>
 * Where Ruby compares facts by building and {@code eval}ling a string of Ruby ({@code 'val'=='value'}), this
 * compares them as the fact filter does (quirk Q-17). Stateless and thread-safe.
 */
interface NodeCondition {
    Pattern COMPARISON = Pattern.compile("[<>=]");

    /** What a field may hold: facts, classes, or (the facts field of a rule with no classes field) either. */
    enum Field {
        FACTS,
        CLASSES,
        EITHER
    }

    /**
     * @return whether the node satisfies the field
     * @throws McollectiveException if it cannot be evaluated (an invalid regex, a failing data function)
     */
    boolean test(NodeInfo node);

    /**
     * @param text  the field as written, trimmed, never empty
     * @param field which field it is
     * @throws IllegalArgumentException with a message for the user if the field cannot be understood
     */
    static NodeCondition parse(String text, Field field) {
        if (text.equals("*")) {
            return node -> true;
        }
        if (isCompound(text)) {
            List<Map<String, Object>> callstack;
            try {
                callstack = CompoundParser.parse(text);
            } catch (McollectiveException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            return node ->
                    new DefaultCompoundEvaluator(new DataPluginEvaluator(node.dataPlugins())).evaluate(callstack, node);
        }
        List<NodeCondition> all = new ArrayList<>();
        for (String entry : text.split("\\s+")) {
            all.add(entry(entry, field));
        }
        return node -> all.stream().allMatch(c -> c.test(node));
    }

    private static NodeCondition entry(String entry, Field field) {
        boolean fact = COMPARISON.matcher(entry).find();
        if (fact && field == Field.CLASSES) {
            throw new IllegalArgumentException(
                    "'" + entry + "' is a fact where the classes field expects a class name");
        }
        if (!fact && field == Field.FACTS) {
            throw new IllegalArgumentException("'" + entry + "' is not a fact=value comparison,"
                    + " but it is in the facts field (classes go in the field after it)");
        }
        if (!fact) {
            return node -> NodeMatcher.hasClass(node, entry);
        }
        FactFilter filter;
        try {
            filter = FactFilter.parse(entry);
        } catch (McollectiveException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return node -> NodeMatcher.hasFact(node, filter);
    }

    /**
     * Ruby's {@code is_compound?}, which looks for {@code \(.+\)} in a word, widened to any parenthesis so that a
     * data function without arguments ({@code puppet().enabled=false}) is one too, where Ruby reads it as a fact.
     */
    static boolean isCompound(String text) {
        for (String word : text.split("\\s+")) {
            if (word.equals("and")
                    || word.equals("or")
                    || word.equals("not")
                    || word.startsWith("!")
                    || word.contains("(")
                    || word.contains(")")) {
                return true;
            }
        }
        return false;
    }
}
