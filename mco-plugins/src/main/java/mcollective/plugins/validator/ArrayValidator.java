package mcollective.plugins.validator;

import java.util.List;

import mcollective.ddl.DdlException;
import mcollective.spi.Validator;

/** Port of {@code validator/array_validator.rb}: one of a list of values. */
public final class ArrayValidator implements Validator {

    @Override
    public String name() {
        return "array";
    }

    @Override
    public void validate(Object value, Object argument) {
        List<?> allowed = argument instanceof List<?> list ? list : List.of();
        if (!allowed.contains(value)) {
            throw new DdlException("value should be one of " + String.join(", ",
                    allowed.stream().map(String::valueOf).toList()));
        }
    }
}
