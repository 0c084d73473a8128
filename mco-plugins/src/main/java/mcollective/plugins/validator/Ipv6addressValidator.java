package mcollective.plugins.validator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import mcollective.ddl.DdlValidationException;
import mcollective.spi.Validator;

/**
 * Port of {@code validator/ipv6address_validator.rb}: what Ruby's {@code IPAddr.new} reads as IPv6, checked as
 * text (never a name lookup): eight groups or fewer around one {@code ::}, an optional trailing dotted quad, an
 * optional {@code [ ]}, zone ({@code %eth0}) and prefix ({@code /64}).
 */
public final class Ipv6addressValidator implements Validator {
    private static final Pattern GROUP = Pattern.compile("^[0-9A-Fa-f]{1,4}$");
    private static final Pattern PREFIX = Pattern.compile("^(0|[1-9]\\d{0,2})$");

    @Override
    public String name() {
        return "ipv6address";
    }

    @Override
    public void validate(Object value, Object argument) {
        if (!(value instanceof String text) || !isIpv6(text)) {
            throw new DdlValidationException("value should be an ipv6 address");
        }
    }

    static boolean isIpv6(String text) {
        String address = text;
        int slash = address.indexOf('/');
        if (slash >= 0) {
            String prefix = address.substring(slash + 1);
            if (!PREFIX.matcher(prefix).matches() || Integer.parseInt(prefix) > 128) {
                return false;
            }
            address = address.substring(0, slash);
        }
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        int zone = address.indexOf('%');
        if (zone >= 0) {
            if (zone == address.length() - 1) {
                return false;
            }
            address = address.substring(0, zone);
        }
        int compressed = address.indexOf("::");
        if (compressed != address.lastIndexOf("::") || address.contains(":::")) {
            return false;
        }
        List<String> groups = new ArrayList<>();
        if (compressed < 0) {
            groups.addAll(Arrays.asList(address.split(":", -1)));
        } else {
            String left = address.substring(0, compressed);
            String right = address.substring(compressed + 2);
            if (!left.isEmpty()) {
                groups.addAll(Arrays.asList(left.split(":", -1)));
            }
            if (!right.isEmpty()) {
                groups.addAll(Arrays.asList(right.split(":", -1)));
            }
        }
        int count = 0;
        for (int i = 0; i < groups.size(); i++) {
            String group = groups.get(i);
            if (i == groups.size() - 1 && group.contains(".")) {
                if (!Ipv4addressValidator.IPV4.matcher(group).matches()) {
                    return false;
                }
                count += 2;
            } else if (GROUP.matcher(group).matches()) {
                count++;
            } else {
                return false;
            }
        }
        return compressed < 0 ? count == 8 : count <= 7;
    }
}
