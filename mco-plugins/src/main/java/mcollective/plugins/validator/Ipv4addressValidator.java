package mcollective.plugins.validator;

import java.util.regex.Pattern;

import mcollective.ddl.DdlException;
import mcollective.spi.Validator;

/** Port of {@code validator/ipv4address_validator.rb}. */
public final class Ipv4addressValidator implements Validator {
    private static final Pattern IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");

    @Override
    public String name() {
        return "ipv4address";
    }

    @Override
    public void validate(Object value, Object argument) {
        if (!(value instanceof String text) || !IPV4.matcher(text).matches()) {
            throw new DdlException("value should be an ipv4 address");
        }
    }
}
