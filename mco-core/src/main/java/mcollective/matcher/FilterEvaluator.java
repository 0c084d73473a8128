package mcollective.matcher;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.logging.LogSafe;
import mcollective.protocol.FactFilter;
import mcollective.protocol.Filter;
import mcollective.spi.NodeView;

/**
 * Port of lib/mcollective/security/base.rb {@code validate_filter?}: does this node act on a request? Every kind of
 * criterion is AND-ed, and so are the entries of {@code fact}, {@code cf_class}, {@code agent} and {@code compound};
 * the pseudo-agent {@code mcollective} always passes; {@code identity} passes only if <em>exactly one</em> entry
 * matches (quirk Q-2, kept: {@code -I web1 -I /web/} selects nothing on web1). A filter with no criteria passes only if
 * it matches all nodes ({@link Filter#matchesAllNodes()}).
 *
 * <p>Where Ruby would raise (an invalid regular expression, {@code Integer("09")}, a malformed compound callstack) and
 * so drop the request, the result is "not passed" and the reason is logged at debug. Nothing is thrown for bad input.
 * Thread-safe if the {@link CompoundEvaluator} is.
 */
public final class FilterEvaluator {
    private static final Logger LOG = LoggerFactory.getLogger(FilterEvaluator.class);
    private static final String ALWAYS_PRESENT_AGENT = "mcollective";

    private final CompoundEvaluator compound;

    /** An evaluator whose compound filters treat data functions as false. */
    public FilterEvaluator() {
        this(new DefaultCompoundEvaluator());
    }

    /** @param compound evaluates {@code -S} callstacks; never null */
    public FilterEvaluator(CompoundEvaluator compound) {
        this.compound = Objects.requireNonNull(compound, "compound");
    }

    /**
     * @param filter the request's filter; never null
     * @param node   the local node; never null
     * @return whether the node passes, with the per-criterion counts
     */
    public FilterResult evaluate(Filter filter, NodeView node) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(node, "node");
        try {
            FilterResult result = check(filter, node);
            LOG.debug("Message {} the filter checks", result.passed() ? "passed" : "failed");
            return result;
        } catch (FilterEvaluationException e) {
            LOG.debug("Message failed the filter checks: {}", LogSafe.of(e.getMessage()));
            return new FilterResult(false, 0, 1);
        }
    }

    private FilterResult check(Filter filter, NodeView node) {
        int passed = filter.matchesAllNodes() ? 1 : 0;
        int failed = 0;

        for (String klass : filter.cfClass()) {
            boolean ok = NodeMatcher.hasClass(node, klass);
            LOG.debug("{} based on configuration management class {}", verdict(ok), LogSafe.of(klass));
            if (ok) {
                passed++;
            } else {
                failed++;
            }
        }
        for (List<Map<String, Object>> callstack : filter.compound()) {
            boolean ok = compound.evaluate(callstack, node);
            LOG.debug("{} based on class and fact composition", verdict(ok));
            if (ok) {
                passed++;
            } else {
                failed++;
            }
        }
        for (String agent : filter.agent()) {
            boolean ok = ALWAYS_PRESENT_AGENT.equals(agent) || NodeMatcher.hasAgent(node, agent);
            LOG.debug("{} based on agent {}", verdict(ok), LogSafe.of(agent));
            if (ok) {
                passed++;
            } else {
                failed++;
            }
        }
        for (FactFilter fact : filter.fact()) {
            boolean ok = NodeMatcher.hasFact(node, fact);
            LOG.debug(
                    "{} based on fact {} {} {}",
                    verdict(ok),
                    LogSafe.of(fact.fact()),
                    LogSafe.of(fact.operator()),
                    LogSafe.of(fact.value()));
            if (ok) {
                passed++;
            } else {
                failed++;
            }
        }
        if (!filter.identity().isEmpty()) {
            long matched = filter.identity().stream()
                    .filter(id -> NodeMatcher.hasIdentity(node, id))
                    .count();
            boolean ok = matched == 1;
            LOG.debug("{} based on identity", verdict(ok));
            if (ok) {
                passed++;
            } else {
                failed++;
            }
        }
        return FilterResult.of(passed, failed);
    }

    private static String verdict(boolean ok) {
        return ok ? "Passing" : "Failing";
    }
}
