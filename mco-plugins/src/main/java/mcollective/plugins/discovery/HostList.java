package mcollective.plugins.discovery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import mcollective.McollectiveException;
import mcollective.protocol.Filter;

/**
 * What the offline discovery methods ({@code flatfile}, {@code stdin}) share: identity validation and the
 * {@code -I} selection of {@code discovery/flatfile.rb}.
 */
final class HostList {
    private static final Pattern IDENTITY = Pattern.compile("^[\\w.\\-]+$");

    private HostList() {}

    /** Checks every identity as Ruby does ({@code Identities can only match /^[\w\.\-]+$/}). */
    static List<String> validated(List<String> hosts, String source) {
        for (String host : hosts) {
            if (!IDENTITY.matcher(host).matches()) {
                throw new McollectiveException(
                        "Identities can only match /^[\\w\\.\\-]+$/: '" + host + "' in " + source);
            }
        }
        return hosts;
    }

    /**
     * The hosts an {@code -I} filter selects: plain names that are listed, and every listed name a {@code /regex/}
     * matches. Unlike Ruby, where a regex entry replaces what earlier entries selected, the entries add up, in list
     * order, without repeats.
     */
    static List<String> select(List<String> hosts, Filter filter) {
        if (filter.identity().isEmpty()) {
            return List.copyOf(new LinkedHashSet<>(hosts));
        }
        Set<String> selected = new LinkedHashSet<>();
        for (String identity : filter.identity()) {
            if (identity.startsWith("/")) {
                Pattern regex = compile(identity.replace("/", ""));
                hosts.stream().filter(h -> regex.matcher(h).find()).forEach(selected::add);
            } else if (hosts.contains(identity)) {
                selected.add(identity);
            }
        }
        return new ArrayList<>(selected);
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new McollectiveException("Invalid identity regex /" + regex + "/: " + e.getDescription());
        }
    }

    static List<String> limited(List<String> hosts, int limit) {
        return limit > 0 && hosts.size() > limit ? List.copyOf(hosts.subList(0, limit)) : List.copyOf(hosts);
    }
}
