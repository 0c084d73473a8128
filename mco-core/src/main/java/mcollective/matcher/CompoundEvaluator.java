package mcollective.matcher;

import java.util.List;
import java.util.Map;

import mcollective.spi.NodeView;

/**
 * Evaluates one compound ({@code -S}) callstack, the {@code "compound"} branch of security/base.rb
 * {@code validate_filter?}. Implementations must be thread-safe.
 *
 * @see DefaultCompoundEvaluator
 */
@FunctionalInterface
public interface CompoundEvaluator {
    /**
     * @param callstack the tokens, each a map whose first entry is the token ({@code {"statement"=>"a=1"}},
     *                  {@code {"and"=>"and"}}, {@code {"fstatement"=>{...}}}, ...); never null, unmodifiable
     * @param node      the local node; never null
     * @return true if the node satisfies the callstack
     * @throws FilterEvaluationException if the callstack cannot be evaluated (Ruby would raise)
     */
    boolean evaluate(List<Map<String, Object>> callstack, NodeView node);
}
