package mcollective.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;

import mcollective.config.Config;
import mcollective.testkit.LogCapture;

class WeakSecretsTest {
    private static final String RANDOM = "q3Xv9LkT0bWm2Zc7RfYpHs4NdJa8UeGi";

    private static Config config(String psk, String password) {
        return Config.builder()
                .set("securityprovider", "psk")
                .set("plugin.psk", psk)
                .set("plugin.activemq.pool.1.password", password)
                .environment(Map.of())
                .build();
    }

    private static List<String> warnings(Config config) {
        try (LogCapture log = LogCapture.of(WeakSecrets.class)) {
            WeakSecrets.warn(config);
            return log.messages(Level.WARN);
        }
    }

    @Test
    void shouldWarnOnceNamingThePskKeyButNotItsValue() {
        assertThat(warnings(config("change-this-shared-secret", RANDOM)))
                .singleElement()
                .asString()
                .contains("plugin.psk")
                .doesNotContain("change-this-shared-secret");
    }

    @Test
    void shouldWarnOnceNamingTheBrokerPasswordKeyButNotItsValue() {
        assertThat(warnings(config(RANDOM, "marionette")))
                .singleElement()
                .asString()
                .contains("plugin.activemq.pool.1.password")
                .doesNotContain("marionette");
    }

    @Test
    void shouldFlagTheDemoTemplatesPlaceholdersLeftUnreplaced() {
        assertThat(warnings(config("@PSK@", "@BROKER_PASSWORD@")))
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("plugin.psk"))
                .anySatisfy(line -> assertThat(line).contains("plugin.activemq.pool.1.password"));
    }

    @Test
    void shouldStayQuietAboutRandomSecrets() {
        assertThat(warnings(config(RANDOM, RANDOM.toLowerCase()))).isEmpty();
    }
}
