package mcollective.plugins.validator;

import mcollective.ddl.DdlValidationException;
import mcollective.spi.Validator;

/** Port of {@code validator/shellsafe_validator.rb}: a String without {@code ` $ ; | && > <}. */
public final class ShellsafeValidator implements Validator {
    private static final String[] ILLEGAL = {"`", "$", ";", "|", "&&", ">", "<"};

    @Override
    public String name() {
        return "shellsafe";
    }

    @Override
    public void validate(Object value, Object argument) {
        if (!(value instanceof String text)) {
            throw new DdlValidationException("value should be a String");
        }
        for (String chr : ILLEGAL) {
            if (text.contains(chr)) {
                throw new DdlValidationException("value should not have " + chr + " in it");
            }
        }
    }
}
