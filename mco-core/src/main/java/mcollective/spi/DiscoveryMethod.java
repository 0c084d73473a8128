package mcollective.spi;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import mcollective.protocol.Filter;

/**
 * Turns a filter into the node identities a client addresses, selected by {@code default_discovery_method} or
 * {@code --dm}. Port of the contract of {@code lib/mcollective/discovery.rb} and {@code discovery/*.rb}: a method
 * declares its capabilities (the filter types it can honour, and whether it {@linkplain #isBroadcast asks the nodes
 * themselves}) and its default timeout (its DDL's). The client decides from these alone, never from a method's name:
 * it refuses filters a method cannot honour with MCollective's message before calling {@link #discover}, hands
 * compound filters to the broadcast method, and addresses a non-broadcast method's nodes directly.
 *
 * <p>Called on the client's main thread, one discovery at a time.
 */
public interface DiscoveryMethod extends Plugin {

    /** The filter types a discovery method can honour ({@code discovery do capabilities [...] end}). */
    enum Capability {
        CLASSES,
        FACTS,
        IDENTITY,
        AGENTS,
        COMPOUND
    }

    /** Which filter types this method honours. */
    Set<Capability> capabilities();

    /**
     * Whether this method asks the nodes themselves, with a broadcast the matching nodes answer ({@code mc}), rather
     * than reading identities kept elsewhere (a file, standard input, an inventory server).
     *
     * <p>For a broadcast method the client may skip discovery when the filter names plain identities only, as
     * addressing those nodes asks them just the same ({@code identity_filter_discovery_optimization}). The nodes any
     * other method returns are authoritative: the client sends to exactly them, by direct addressing, which it
     * therefore requires ({@code force_direct_mode?}).
     */
    boolean isBroadcast();

    /** The discovery timeout when neither {@code --dt} nor {@code discovery_timeout} is set; zero for offline methods. */
    Duration defaultTimeout();

    /**
     * The identities matching {@code request}'s filter, in discovery order, at most {@code limit} of them when the
     * limit is positive. Throws {@link mcollective.McollectiveException} with a one-line reason (unreadable file,
     * empty input).
     */
    List<String> discover(Request request);

    /**
     * What a discovery needs.
     *
     * @param filter  the user's filter, with the RPC agent added
     * @param timeout the effective discovery timeout
     * @param limit   stop after this many nodes; 0 for all
     * @param options the {@code --do} options, in order
     * @param network sends the {@code mc} discovery broadcast; used by methods that ask the network
     * @param stdin   standard input, for the {@code stdin} method
     */
    record Request(
            Filter filter,
            Duration timeout,
            int limit,
            List<String> options,
            Network network,
            Optional<InputStream> stdin) {
        public Request {
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(timeout, "timeout");
            options = List.copyOf(options);
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(stdin, "stdin");
        }
    }

    /** The client's side of a network discovery: one {@code discovery}/{@code "ping"} broadcast. */
    @FunctionalInterface
    interface Network {
        /**
         * Broadcasts {@code "ping"} to the discovery agent with this filter and collects the replying identities.
         *
         * @param timeout how long to wait for the first reply, and at most in all
         * @param quiet   once a reply came, stop when no further reply has come for this long; empty to wait the
         *                whole timeout as MCollective does
         * @param limit   stop after this many replies; 0 for all
         */
        List<String> ping(Filter filter, Duration timeout, Optional<Duration> quiet, int limit);
    }
}
