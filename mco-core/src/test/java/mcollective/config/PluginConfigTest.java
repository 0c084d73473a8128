package mcollective.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PluginConfigTest {
    private final Config config = new ConfigParser(Map.of())
            .withHostname("h")
            .parse(
                    String.join(
                            "\n",
                            "plugin.activemq = ignored-bare",
                            "plugin.activemq.pool.size = 2",
                            "plugin.activemq.heartbeat_interval = 30.5",
                            "plugin.activemq.base64 = yes",
                            "plugin.activemq.bad_int = 1.5",
                            "plugin.activemq.bad_bool = sometimes",
                            "plugin.activemqx.other = 1",
                            "pluginXrpc.graph = true"),
                    "client.cfg");
    private final PluginConfig activemq = config.plugin("activemq");

    @Nested
    class Values {
        @Test
        void shouldSeeOnlyItsOwnSection() {
            assertThat(activemq.all())
                    .containsOnlyKeys("pool.size", "heartbeat_interval", "base64", "bad_int", "bad_bool");
            assertThat(activemq.value()).contains("ignored-bare");
            assertThat(activemq.get("other")).isEmpty();
        }

        @Test
        void shouldConvertNumbersAndBooleans() {
            assertThat(activemq.getInt("pool.size")).contains(2);
            assertThat(activemq.getDouble("heartbeat_interval")).contains(30.5);
            assertThat(activemq.getBool("base64", false)).isTrue();
            assertThat(activemq.getBool("missing", true)).isTrue();
            assertThat(activemq.getInt("missing")).isEmpty();
        }

        @Test
        void shouldReadAnyCharacterAfterPluginAsTheSeparatorLikeRuby() {
            assertThat(config.plugin("rpc").getBool("graph", false)).isTrue();
        }
    }

    @Nested
    class Errors {
        @Test
        void shouldNameKeyValueFileAndLineOfABadInteger() {
            assertThatThrownBy(() -> activemq.getInt("bad_int"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("client.cfg:5: Could not parse value for configuration option"
                            + " 'plugin.activemq.bad_int' with value '1.5'");
        }

        @Test
        void shouldNameKeyValueFileAndLineOfABadBoolean() {
            assertThatThrownBy(() -> activemq.getBool("bad_bool", false))
                    .hasMessage("client.cfg:6: Cannot convert string value 'sometimes' into a boolean."
                            + " (option 'plugin.activemq.bad_bool')");
        }
    }
}
