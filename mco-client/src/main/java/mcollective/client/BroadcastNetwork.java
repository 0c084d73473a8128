package mcollective.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import mcollective.protocol.Filter;
import mcollective.spi.DiscoveryMethod;

/**
 * The client's side of a network discovery, as a broadcast {@link DiscoveryMethod} ({@code mc}) uses it. Port of the
 * request half of {@code lib/mcollective/discovery/mc.rb}: a broadcast {@code "ping"} to the {@code discovery}
 * agent carrying the filter (plus {@code "collective"}), collecting every replying {@code :senderid} until the
 * timeout, the quiet window or the limit. The client connects on the first ping only, so offline methods need no
 * broker.
 */
final class BroadcastNetwork implements DiscoveryMethod.Network {
    private final Supplier<Client> client;

    BroadcastNetwork(Supplier<Client> client) {
        this.client = client;
    }

    @Override
    public List<String> ping(Filter filter, Duration timeout, Optional<Duration> quiet, int limit) {
        Client connected = client.get();
        List<String> hosts = new ArrayList<>();
        connected.request(
                "ping",
                "discovery",
                filter.withCollective(connected.collective()),
                List.of(),
                timeout,
                quiet,
                count -> limit > 0 && count >= limit,
                reply -> hosts.add(reply.senderId()));
        return limit > 0 && hosts.size() > limit ? List.copyOf(hosts.subList(0, limit)) : List.copyOf(hosts);
    }
}
