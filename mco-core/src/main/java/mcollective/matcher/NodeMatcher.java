package mcollective.matcher;

import java.util.Objects;

import mcollective.protocol.FactFilter;
import mcollective.ruby.RubyRegex;
import mcollective.spi.NodeView;

/**
 * Port of the {@code has_cf_class?}, {@code has_fact?}, {@code has_agent?} and {@code has_identity?} helpers of
 * lib/mcollective/util.rb: single criteria against a {@link NodeView}. Stateless and thread-safe.
 *
 * <p>A name starting with {@code /} (on any line, as Ruby's {@code match("^/")} does) is a regular expression with
 * <em>every</em> {@code /} removed (quirk Q-11), searched for anywhere in the candidate.
 */
public final class NodeMatcher {
    private NodeMatcher() {}

    /**
     * @param node  the node; never null
     * @param klass a class name (exact line of the classes file) or {@code /re/}; never null
     * @return true if the node has the class
     * @throws FilterEvaluationException if the regular expression is invalid or too expensive
     */
    public static boolean hasClass(NodeView node, String klass) {
        Objects.requireNonNull(klass, "klass");
        if (RubyRegex.looksLikeRegex(klass)) {
            String regex = klass.replace("/", "");
            for (String line : node.classes()) {
                if (FilterRegex.find(regex, line)) {
                    return true;
                }
            }
            return false;
        }
        return node.classes().contains(klass);
    }

    /**
     * @param node   the node; never null
     * @param filter the fact criterion; never null
     * @return true if the fact exists and matches (Array facts: any element; Hash facts: any key)
     * @throws FilterEvaluationException where Ruby would raise (invalid regex, {@code Integer("09")})
     */
    public static boolean hasFact(NodeView node, FactFilter filter) {
        return hasFact(node, filter.fact(), filter.value(), filter.operator());
    }

    /**
     * @param node     the node; never null
     * @param fact     the fact name, looked up flat; never null
     * @param value    the value to compare with; never null
     * @param operator {@code == =~ != < > <= >=}; anything else never matches; never null
     * @return true if the fact exists and matches
     * @throws FilterEvaluationException where Ruby would raise
     */
    public static boolean hasFact(NodeView node, String fact, String value, String operator) {
        return FactComparison.hasFact(node.facts(), fact, value, operator);
    }

    /**
     * Note that the caller, not this method, lets the pseudo-agent {@code mcollective} pass.
     *
     * @param node  the node; never null
     * @param agent an agent name or {@code /re/}; never null
     * @return true if a loaded agent has the name or matches the expression
     * @throws FilterEvaluationException if the regular expression is invalid or too expensive
     */
    public static boolean hasAgent(NodeView node, String agent) {
        Objects.requireNonNull(agent, "agent");
        if (RubyRegex.looksLikeRegex(agent)) {
            String regex = agent.replace("/", "");
            for (String name : node.agents()) {
                if (FilterRegex.find(regex, name)) {
                    return true;
                }
            }
            return false;
        }
        return node.agents().contains(agent);
    }

    /**
     * @param node     the node; never null
     * @param identity an identity or {@code /re/}; never null
     * @return true if the node's identity equals or matches it
     * @throws FilterEvaluationException if the regular expression is invalid or too expensive
     */
    public static boolean hasIdentity(NodeView node, String identity) {
        Objects.requireNonNull(identity, "identity");
        if (RubyRegex.looksLikeRegex(identity)) {
            return FilterRegex.find(identity.replace("/", ""), node.identity());
        }
        return node.identity().equals(identity);
    }
}
