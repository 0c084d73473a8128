package mcollective.plugins.validator;

import java.util.List;

import mcollective.ddl.ValueChecks;
import mcollective.spi.Validator;

/** Port of {@code validator/array_validator.rb}: one of a list of values. */
public final class ArrayValidator implements Validator {

    @Override
    public String name() {
        return "array";
    }

    /** @param argument the allowed values, a List */
    @Override
    public void validate(Object value, Object argument) {
        if (!(argument instanceof List<?> allowed)) {
            throw TypecheckValidator.missingArgument();
        }
        ValueChecks.array(value, allowed);
    }
}
