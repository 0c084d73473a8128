package mcollective.plugins.validator;

import mcollective.ddl.ValueChecks;
import mcollective.spi.Validator;

/** Port of {@code validator/regex_validator.rb}: the value matches the pattern somewhere (Ruby semantics). */
public final class RegexValidator implements Validator {

    @Override
    public String name() {
        return "regex";
    }

    /** @param argument a regex source String or a {@link mcollective.protocol.codec.RubyRegexp} literal */
    @Override
    public void validate(Object value, Object argument) {
        if (argument == null) {
            throw TypecheckValidator.missingArgument();
        }
        ValueChecks.regex(value, argument);
    }
}
