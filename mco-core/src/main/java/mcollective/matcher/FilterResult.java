package mcollective.matcher;

/**
 * The outcome of {@link FilterEvaluator#evaluate}: whether the node acts on the request (counted as "passed" in the
 * node's stats) or ignores it ("filtered"), plus the per-criterion counts of security/base.rb for logging.
 *
 * @param passed       true if the node should act on the request
 * @param passedChecks criteria that matched (1 for a filter that matches all nodes)
 * @param failedChecks criteria that did not match
 */
public record FilterResult(boolean passed, int passedChecks, int failedChecks) {
    /**
     * @param passedChecks criteria that matched
     * @param failedChecks criteria that did not match
     * @return the result of Ruby's rule {@code failed == 0 && passed > 0}
     */
    public static FilterResult of(int passedChecks, int failedChecks) {
        return new FilterResult(failedChecks == 0 && passedChecks > 0, passedChecks, failedChecks);
    }
}
