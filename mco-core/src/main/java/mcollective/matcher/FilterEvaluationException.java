package mcollective.matcher;

import mcollective.McollectiveException;

/**
 * A filter criterion that cannot be evaluated on this node: an invalid or too expensive regular expression, a
 * number Ruby's {@code Integer()} would reject, a token of the wrong type. Ruby raises out of {@code validate_filter?}
 * in these cases and the node drops the request; {@link FilterEvaluator} catches this and reports "not passed".
 */
public class FilterEvaluationException extends McollectiveException {
    private static final long serialVersionUID = 1L;

    /** @param message what could not be evaluated, naming the value at fault; never null */
    public FilterEvaluationException(String message) {
        super(message);
    }
}
