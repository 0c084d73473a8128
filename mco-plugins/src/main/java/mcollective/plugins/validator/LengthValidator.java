package mcollective.plugins.validator;

import mcollective.ddl.ValueChecks;
import mcollective.spi.Validator;

/** Port of {@code validator/length_validator.rb}: at most N characters (0: no limit). */
public final class LengthValidator implements Validator {

    @Override
    public String name() {
        return "length";
    }

    /** @param argument the maximum length, a Number; without one this is Ruby's ArgumentError message */
    @Override
    public void validate(Object value, Object argument) {
        if (!(argument instanceof Number length)) {
            throw TypecheckValidator.missingArgument();
        }
        ValueChecks.length(value, length.intValue());
    }
}
