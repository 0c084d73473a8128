package mcollective.matcher;

import java.util.Map;

import mcollective.spi.NodeView;

/**
 * Evaluates a data-function token of a compound filter ({@code fstat('/etc/hosts').size>0}), the port target of
 * lib/mcollective/matcher.rb {@code eval_compound_fstatement}. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface DataFunctionEvaluator {
    /**
     * @param function the {@code fstatement} hash: {@code "name", "params", "value", "operator", "r_compare"};
     *                 never null, unmodifiable
     * @param node     the local node; never null
     * @return the truth value of the comparison
     * @throws FilterEvaluationException to make the whole callstack false (Ruby's DDLValidationError)
     */
    boolean evaluate(Map<String, Object> function, NodeView node);

    /** @return the stand-in until data plugins exist: every data function is false */
    static DataFunctionEvaluator unsupported() {
        return (function, node) -> false;
    }
}
