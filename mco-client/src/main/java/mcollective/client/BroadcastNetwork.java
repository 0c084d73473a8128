package mcollective.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import mcollective.protocol.Filter;

/**
 * Port of {@code lib/mcollective/discovery/mc.rb} and the identity optimisation of {@code rpc/client.rb}: a
 * broadcast {@code "ping"} to the {@code discovery} agent carrying the filter (plus {@code "collective"}), collecting
 * every replying {@code :senderid} until the discovery timeout or the limit.
 */
public final class BroadcastNetwork {
    /** The {@code mc} discovery DDL timeout, used when neither {@code --dt} nor {@code discovery_timeout} is set. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private BroadcastNetwork() {}

    /**
     * The identities to address without any discovery, when every filter entry is a plain {@code -I} name
     * ({@code identity_filter_discovery_optimization}). Unlike Ruby, other filters present (facts, classes, compound)
     * disable the shortcut, so {@code -I node1 -F os=x} never addresses a node the fact filter excludes.
     */
    public static Optional<List<String>> identityShortcut(Filter filter) {
        if (filter.identity().isEmpty()
                || !filter.fact().isEmpty()
                || !filter.cfClass().isEmpty()
                || !filter.compound().isEmpty()) {
            return Optional.empty();
        }
        if (filter.identity().stream().anyMatch(i -> i.startsWith("/"))) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(filter.identity()));
    }

    /**
     * Discovers the nodes matching {@code filter} in the client's collective.
     *
     * @param limit stop as soon as this many nodes replied; 0 for no limit
     */
    public static List<String> discover(Client client, Filter filter, Duration timeout, int limit) {
        return discover(client, filter, timeout, Optional.empty(), limit);
    }

    /** As {@link #discover(Client, Filter, Duration, int)}, stopping once replies pause for {@code quiet}. */
    public static List<String> discover(
            Client client, Filter filter, Duration timeout, Optional<Duration> quiet, int limit) {
        Filter withCollective = filter.withCollective(client.collective());
        List<String> hosts = new ArrayList<>();
        client.request(
                "ping",
                "discovery",
                withCollective,
                List.of(),
                timeout,
                quiet,
                count -> limit > 0 && count >= limit,
                reply -> hosts.add(reply.senderId()));
        return limit > 0 && hosts.size() > limit ? List.copyOf(hosts.subList(0, limit)) : List.copyOf(hosts);
    }
}
