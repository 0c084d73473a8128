package mcollective.plugins.validator;

import java.net.InetAddress;
import java.net.UnknownHostException;

import mcollective.ddl.DdlException;
import mcollective.spi.Validator;

/** Port of {@code validator/ipv6address_validator.rb}: a literal IPv6 address, never a name lookup. */
public final class Ipv6addressValidator implements Validator {

    @Override
    public String name() {
        return "ipv6address";
    }

    @Override
    public void validate(Object value, Object argument) {
        if (!(value instanceof String text) || !text.contains(":") || !text.matches("^[0-9A-Fa-f:.]+$")) {
            throw new DdlException("value should be an ipv6 address");
        }
        try {
            if (!(InetAddress.getByName(text) instanceof java.net.Inet6Address)
                    && !text.startsWith("::ffff:")) {
                throw new DdlException("value should be an ipv6 address");
            }
        } catch (UnknownHostException e) {
            throw new DdlException("value should be an ipv6 address");
        }
    }
}
