package mcollective.server;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import mcollective.McollectiveException;
import mcollective.config.Config;
import mcollective.config.ConfigBuilder;

class EmbeddedBrokerSupportTest {
    private static ConfigBuilder embedded() {
        return Config.builder()
                .set("plugin.broker.embedded", "1")
                .set("plugin.broker.port", "0")
                .environment(Map.of());
    }

    @Test
    void shouldAcceptEveryLimitKey() {
        Config config = embedded()
                .set("plugin.broker.max_connections", "10")
                .set("plugin.broker.connect_timeout", "3")
                .set("plugin.broker.idle_timeout", "0")
                .set("plugin.broker.write_timeout", "20")
                .set("plugin.broker.max_frame_size", "1048576")
                .set("plugin.broker.max_headers", "50")
                .set("plugin.broker.max_header_line_size", "4096")
                .set("plugin.broker.max_header_size", "65536")
                .set("plugin.broker.max_address_size", "8388608")
                .set("plugin.broker.max_memory", "33554432")
                .build();

        assertThatCode(() -> EmbeddedBrokerSupport.fromConfig(config)).doesNotThrowAnyException();
    }

    @Test
    void shouldNameTheKeyAndValueThatIsNotANumber() {
        Config config = embedded().set("plugin.broker.connect_timeout", "soon").build();

        assertThatThrownBy(() -> EmbeddedBrokerSupport.fromConfig(config))
                .isInstanceOf(McollectiveException.class)
                .hasMessageContaining("plugin.broker.connect_timeout")
                .hasMessageContaining("soon");
    }

    @Test
    void shouldNameTheLimitThatIsOutOfRange() {
        Config config = embedded().set("plugin.broker.max_connections", "0").build();

        assertThatThrownBy(() -> EmbeddedBrokerSupport.fromConfig(config))
                .isInstanceOf(McollectiveException.class)
                .hasMessageContaining("max_connections 0");
    }

    @Test
    void shouldNameTheRoleKeyWhoseValueIsNotARole() {
        Config config = embedded()
                .set("plugin.broker.users", "alice")
                .set("plugin.broker.user.alice.role", "superuser")
                .set("plugin.broker.user.alice.password", "q3Xv9LkT0bWm2Zc7")
                .build();

        assertThatThrownBy(() -> EmbeddedBrokerSupport.fromConfig(config))
                .isInstanceOf(McollectiveException.class)
                .hasMessageContaining("plugin.broker.user.alice.role")
                .hasMessageContaining("superuser")
                .message()
                .doesNotContain("\n");
    }

    @Test
    void shouldNameTheUserGivenTwoPasswords() {
        Config config = embedded()
                .set("plugin.broker.users", "alice")
                .set("plugin.broker.user.alice.role", "client")
                .set("plugin.broker.user.alice.password", "q3Xv9LkT0bWm2Zc7")
                .set("plugin.broker.user.alice.password_file", "/etc/mcollective/alice.pw")
                .build();

        assertThatThrownBy(() -> EmbeddedBrokerSupport.fromConfig(config))
                .isInstanceOf(McollectiveException.class)
                .hasMessageContaining("plugin.broker.user.alice.password")
                .message()
                .doesNotContain("\n");
    }
}
