package mcollective.testkit.fleet;

import java.util.function.UnaryOperator;

import mcollective.broker.EmbeddedBroker;

/**
 * Extra settings for a fleet's {@link Broker#EMBEDDED embedded broker} (frame limits, memory, timeouts), named in
 * {@link WithFleet#brokerSettings()}: a class with a no-argument constructor. The fleet sets host, port and login
 * first.
 */
public interface BrokerSettings extends UnaryOperator<EmbeddedBroker.Builder> {
    /** The broker's own defaults. */
    final class Defaults implements BrokerSettings {
        @Override
        public EmbeddedBroker.Builder apply(EmbeddedBroker.Builder broker) {
            return broker;
        }
    }
}
