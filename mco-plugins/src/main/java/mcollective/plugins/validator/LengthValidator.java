package mcollective.plugins.validator;

import mcollective.ddl.DdlException;
import mcollective.spi.Validator;

/** Port of {@code validator/length_validator.rb}: at most N characters (0: no limit). */
public final class LengthValidator implements Validator {

    @Override
    public String name() {
        return "length";
    }

    @Override
    public void validate(Object value, Object argument) {
        int length = argument instanceof Number n ? n.intValue() : 0;
        if (length > 0 && String.valueOf(value).length() > length) {
            throw new DdlException("Input string is longer than " + length + " character(s)");
        }
    }
}
