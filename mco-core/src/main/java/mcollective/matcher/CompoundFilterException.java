package mcollective.matcher;

import mcollective.McollectiveException;

/**
 * A {@code -S} compound filter that cannot be turned into a callstack: Ruby's {@code Malformed token(s) found while
 * parsing -S input …}, {@code Parse errors found while parsing -S input …} and {@code Missing parenthesis found while
 * parsing -S input …}, without the colour codes Ruby puts around the offending characters, plus the statements this
 * port refuses on the client (see docs/compatibility.md, "Compound filters"). Messages are one line and end with the
 * input.
 */
public class CompoundFilterException extends McollectiveException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the input; never null */
    public CompoundFilterException(String message) {
        super(message);
    }
}
