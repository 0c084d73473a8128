package mcollective.plugins.validator;

import java.util.regex.Pattern;

import mcollective.ddl.DdlValidationException;
import mcollective.spi.Validator;

/**
 * Port of {@code validator/ipv4address_validator.rb}: what Ruby's {@code IPAddr.new} reads as IPv4, a dotted quad
 * without leading zeros, optionally with a prefix ({@code /8}) or a contiguous netmask ({@code /255.0.0.0}).
 */
public final class Ipv4addressValidator implements Validator {
    static final Pattern IPV4 =
            Pattern.compile("^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
    private static final Pattern PREFIX = Pattern.compile("^(0|[1-9]\\d?)$");

    @Override
    public String name() {
        return "ipv4address";
    }

    @Override
    public void validate(Object value, Object argument) {
        if (!(value instanceof String text) || !isIpv4(text)) {
            throw new DdlValidationException("value should be an ipv4 address");
        }
    }

    static boolean isIpv4(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!IPV4.matcher(address).matches()) {
            return false;
        }
        if (slash < 0) {
            return true;
        }
        String mask = text.substring(slash + 1);
        if (PREFIX.matcher(mask).matches()) {
            return Integer.parseInt(mask) <= 32;
        }
        if (!IPV4.matcher(mask).matches()) {
            return false;
        }
        long bits = 0;
        for (String octet : mask.split("\\.")) {
            bits = (bits << 8) | Integer.parseInt(octet);
        }
        long inverted = ~bits & 0xFFFFFFFFL;
        return (inverted & (inverted + 1)) == 0;
    }
}
