package mcollective.broker;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The Artemis address settings of the embedded broker, by address pattern ({@code /queue/} and {@code /topic/}
 * prefixes are stripped before matching; {@code *} is one word, {@code #} any number):
 * <ul>
 *   <li>MCollective's broadcasts ({@code <collective>.<agent>.agent}), replies ({@code <collective>.reply.#}) and
 *       directed requests ({@code <collective>.nodes}): up to the address limit in memory, then new messages are
 *       dropped until the address (or the broker, at the memory bound) has room again. Nothing pages: under a
 *       flood, Artemis' page cleanup held the paging store's lock, and with it an Artemis STOMP thread and every
 *       connection that thread serves, for over 20 seconds (ADR 006).</li>
 *   <li>Reply queues and every other queue are deleted with whatever they hold once nobody reads them (their client
 *       went away, or nobody ever subscribed), at the next scan.</li>
 *   <li>Every other address holds at most {@value #OTHER_ADDRESS_BYTES} bytes, its messages expire after
 *       {@value #OTHER_EXPIRY_MILLIS} ms at the latest, and what does not fit is dropped: MCollective never uses
 *       them, so they can neither fill the broker nor page.</li>
 * </ul>
 * Addresses and queues are created on first use and deleted once unused; expired and undeliverable messages go to
 * an address with no queue, so they are dropped. Stateless.
 */
final class AddressPolicies {
    /** Bytes an address outside MCollective's naming may hold. */
    static final long OTHER_ADDRESS_BYTES = 1024 * 1024;
    /** Longest life of a message on an address outside MCollective's naming. */
    static final long OTHER_EXPIRY_MILLIS = 60_000;
    /** Life of a message sent to an MCollective address without an {@code expires} header (MCollective sets it). */
    static final long DEFAULT_EXPIRY_MILLIS = 3_600_000;
    /**
     * Expired and undeliverable messages are routed here, an address with no queue, so they are dropped: naming it
     * keeps Artemis from warning about a missing expiry/dead-letter address for every reply queue created.
     */
    static final SimpleString DISCARDED = SimpleString.of("mcollective.discarded");

    private AddressPolicies() {}

    /** The settings by match pattern, for addresses that may hold {@code addressBytes} each in memory. */
    static Map<String, AddressSettings> of(long addressBytes) {
        Map<String, AddressSettings> settings = new LinkedHashMap<>();
        settings.put("#", other());
        settings.put("*.*.agent", mcollective(addressBytes));
        settings.put("*.nodes", mcollective(addressBytes));
        settings.put("*.reply.#", deletedWhenUnread(mcollective(addressBytes)));
        return settings;
    }

    /** Everything not matched by a more specific pattern; Artemis fills unset fields there from here. */
    private static AddressSettings other() {
        return deletedWhenUnread(new AddressSettings())
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true)
                .setAutoDeleteAddresses(true)
                .setAutoDeleteQueues(true)
                .setAutoDeleteCreatedQueues(true)
                .setMaxSizeBytes(OTHER_ADDRESS_BYTES)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.DROP)
                .setMaxExpiryDelay(OTHER_EXPIRY_MILLIS)
                .setExpiryAddress(DISCARDED)
                .setDeadLetterAddress(DISCARDED)
                .setAutoCreateExpiryResources(false)
                .setAutoCreateDeadLetterResources(false);
    }

    private static AddressSettings mcollective(long addressBytes) {
        return new AddressSettings()
                .setMaxSizeBytes(addressBytes)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.DROP)
                .setExpiryDelay(DEFAULT_EXPIRY_MILLIS)
                .setMaxExpiryDelay(-1L)
                .setAutoDeleteQueuesMessageCount(0L)
                .setAutoDeleteQueuesSkipUsageCheck(false);
    }

    /** A queue goes, messages and all, as soon as it has no consumer, whether or not it ever had one. */
    private static AddressSettings deletedWhenUnread(AddressSettings settings) {
        return settings.setAutoDeleteQueuesMessageCount(-1L)
                .setAutoDeleteQueuesSkipUsageCheck(true)
                .setAutoDeleteQueuesDelay(0);
    }
}
