package mcollective.plugins.validator;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import mcollective.ddl.DdlException;
import mcollective.spi.Validator;

/** Port of {@code validator/regex_validator.rb}: the value matches the pattern somewhere. */
public final class RegexValidator implements Validator {

    @Override
    public String name() {
        return "regex";
    }

    @Override
    public void validate(Object value, Object argument) {
        String regex = String.valueOf(argument);
        try {
            if (!Pattern.compile(regex, Pattern.MULTILINE).matcher(String.valueOf(value)).find()) {
                throw new DdlException("value should match " + regex);
            }
        } catch (PatternSyntaxException e) {
            throw new DdlException("invalid regular expression " + regex + ": " + e.getDescription());
        }
    }
}
