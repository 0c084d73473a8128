package mcollective.plugins.validator;

import mcollective.ddl.DdlException;
import mcollective.spi.Validator;

/** Port of {@code validator/shellsafe_validator.rb}: no {@code ` $ ; | && > <} in a String. */
public final class ShellsafeValidator implements Validator {
    private static final String[] ILLEGAL = {"`", "$", ";", "|", "&&", ">", "<"};

    @Override
    public String name() {
        return "shellsafe";
    }

    @Override
    public void validate(Object value, Object argument) {
        if (!(value instanceof String text)) {
            throw new DdlException("value should be a String");
        }
        for (String chr : ILLEGAL) {
            if (text.contains(chr)) {
                throw new DdlException("value should not have " + chr + " in it");
            }
        }
    }
}
