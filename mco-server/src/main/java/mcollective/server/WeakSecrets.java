package mcollective.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.config.Config;

/**
 * Warns at start-up about secrets everybody knows: a {@code plugin.psk} or broker password left at a value from a
 * sample config or a guide (Debian's {@code server.cfg} ships {@code plugin.psk = unset} and
 * {@code plugin.activemq.pool.1.password = marionette}). One WARN per key, naming the key, never the value. A warning
 * and not an error, so that a lab fleet keeps working; the demo generates its secrets. Stateless.
 */
final class WeakSecrets {
    private static final Logger LOG = LoggerFactory.getLogger(WeakSecrets.class);

    /** Pre-shared keys from MCollective's sample configs and docs, this port's old demo and its template's
     * placeholder, and the obvious ones. */
    static final Set<String> WELL_KNOWN_PSKS = Set.of(
            "",
            "unset",
            "changeme",
            "change-me",
            "change-this-shared-secret",
            "mcollective",
            "secret",
            "psk",
            "password",
            "test",
            "a_very_secret_key",
            "@psk@");
    /** Broker passwords from MCollective's and ActiveMQ's guides and defaults, the demo template's placeholder, and the obvious ones. */
    static final Set<String> WELL_KNOWN_PASSWORDS = Set.of(
            "",
            "marionette",
            "secret",
            "password",
            "guest",
            "admin",
            "mcollective",
            "changeme",
            "change-me",
            "activemq",
            "manager",
            "test",
            "@broker_password@");

    private WeakSecrets() {}

    /** The keys of {@code config} holding a well-known secret, each logged once at WARN. */
    static List<String> warn(Config config) {
        List<String> weak = new ArrayList<>();
        for (Map.Entry<String, String> setting : config.pluginSettings().entrySet()) {
            String key = setting.getKey();
            String value = setting.getValue().strip().toLowerCase(Locale.ROOT);
            boolean psk = key.equals("psk") && config.securityProvider().equals("psk");
            boolean password = key.endsWith(".password");
            if ((psk && WELL_KNOWN_PSKS.contains(value)) || (password && WELL_KNOWN_PASSWORDS.contains(value))) {
                weak.add("plugin." + key);
            }
        }
        for (String key : weak) {
            LOG.warn(
                    "{} is a well-known value that anyone can guess: {}; set a secret of your own",
                    key,
                    key.equals("plugin.psk")
                            ? "anyone who can reach the broker can send this node requests it accepts"
                            : "anyone who can reach the broker can log in with it");
        }
        return weak;
    }
}
