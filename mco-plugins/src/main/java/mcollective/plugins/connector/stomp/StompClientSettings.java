package mcollective.plugins.connector.stomp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import mcollective.McollectiveException;
import mcollective.config.PluginConfig;

/**
 * Reads the connection settings the STOMP connectors share from their {@code plugin.<connector>.*} section
 * (reference/MCOLLECTIVE.md §3.2): the failover pool {@code pool.size} / {@code pool.N.*}, with {@code STOMP_USER} /
 * {@code STOMP_PASSWORD} and {@code MCOLLECTIVE_<CONNECTOR>_POOL<N>_SSL_KEY/_CERT} overriding, and the reconnect,
 * timeout and heart-beat keys with the Ruby defaults.
 */
public final class StompClientSettings {
    private final StompClientOptions.Builder builder;

    private StompClientSettings(StompClientOptions.Builder builder) {
        this.builder = builder;
    }

    /**
     * @param envPrefix    {@code ACTIVEMQ} or {@code RABBITMQ}, for the per-pool TLS environment variables
     * @param defaultVhost the STOMP {@code host} header when {@code vhost} is not set
     */
    public static StompClientSettings read(
            PluginConfig plugin, Map<String, String> env, String envPrefix, String defaultVhost) {
        int size = plugin.getInt("pool.size")
                .orElseThrow(() -> new McollectiveException(
                        "No plugin." + plugin.name() + ".pool.size configuration option given"));
        List<StompHost> hosts = new ArrayList<>();
        for (int n = 1; n <= size; n++) {
            String prefix = "pool." + n + ".";
            String host = plugin.get(prefix + "host")
                    .orElseThrow(() -> new McollectiveException("No plugin." + plugin.name() + ".pool."
                            + hostIndex(prefix) + ".host configuration option given"));
            int port = plugin.getInt(prefix + "port").orElse(61613);
            String user = Optional.ofNullable(env.get("STOMP_USER"))
                    .or(() -> plugin.get(prefix + "user"))
                    .orElse("");
            String password = Optional.ofNullable(env.get("STOMP_PASSWORD"))
                    .or(() -> plugin.get(prefix + "password"))
                    .orElse("");
            StompHost stompHost = StompHost.plain(host, port, user, password);
            if (plugin.getBool(prefix + "ssl", false)) {
                String envBase = "MCOLLECTIVE_" + envPrefix + "_POOL" + n + "_SSL_";
                stompHost = stompHost.withSsl(
                        plugin.get(prefix + "ssl.ca"),
                        Optional.ofNullable(env.get(envBase + "CERT")).or(() -> plugin.get(prefix + "ssl.cert")),
                        Optional.ofNullable(env.get(envBase + "KEY")).or(() -> plugin.get(prefix + "ssl.key")),
                        plugin.getBool(prefix + "ssl.fallback", false));
            }
            hosts.add(stompHost);
        }
        if (hosts.isEmpty()) {
            throw new McollectiveException("No hosts found for the " + plugin.name() + " connection pool");
        }
        StompClientOptions.Builder builder = StompClientOptions.builder()
                .hosts(hosts)
                .vhost(plugin.get("vhost").orElse(defaultVhost))
                .heartbeatInterval(plugin.getInt("heartbeat_interval").orElse(0))
                .stomp10Fallback(plugin.getBool("stomp_1_0_fallback", true))
                .initialReconnectDelay(
                        seconds(plugin.getDouble("initial_reconnect_delay").orElse(0.01)))
                .maxReconnectDelay(
                        seconds(plugin.getDouble("max_reconnect_delay").orElse(30.0)))
                .useExponentialBackOff(plugin.getBool("use_exponential_back_off", true))
                .backOffMultiplier(plugin.getDouble("back_off_multiplier").orElse(2.0))
                .maxReconnectAttempts(plugin.getInt("max_reconnect_attempts").orElse(0))
                .randomize(plugin.getBool("randomize", false))
                .connectTimeout(
                        Duration.ofSeconds(plugin.getInt("connect_timeout").orElse(30)))
                .maxHbreadFails(plugin.getInt("max_hbread_fails").orElse(2));
        return new StompClientSettings(builder);
    }

    /** The client options, delivering MESSAGE frames to {@code onMessage}; connecting tries as the settings say. */
    public StompClientOptions options(Consumer<StompFrame> onMessage) {
        return options(onMessage, Optional.empty());
    }

    /**
     * The client options, delivering MESSAGE frames to {@code onMessage}; {@link StompClient#connect()} gives up
     * after {@code giveUpAfter} if present (the CLI's connection timeout, a node restarting its connection).
     */
    public StompClientOptions options(Consumer<StompFrame> onMessage, Optional<Duration> giveUpAfter) {
        return builder.onMessage(onMessage).connectionTimeout(giveUpAfter).build();
    }

    private static String hostIndex(String prefix) {
        return prefix.substring("pool.".length(), prefix.length() - 1);
    }

    private static Duration seconds(double value) {
        return Duration.ofNanos((long) (value * 1e9));
    }
}
