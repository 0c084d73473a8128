package mcollective.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A setting's value read as config.rb reads it, with the file and line in every message. */
class SettingTest {
    static Setting setting(String value) {
        return new Setting(value, "server.cfg", 3);
    }

    @Nested
    class AsBool {
        @Test
        void shouldStripTheValueBeforeMatching() {
            assertThat(setting(" Yes ").asBool("daemonize")).isTrue();
            assertThat(setting("f\t").asBool("daemonize")).isFalse();
        }

        @Test
        void shouldUseMcollectivesMessageForOtherWords() {
            assertThatThrownBy(() -> setting(" on ").asBool("daemonize"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("server.cfg:3: Cannot convert string value 'on' into a boolean. (option 'daemonize')");
        }
    }

    @Nested
    class AsInt {
        @Test
        void shouldReadRubysIntegerWithinAnInt() {
            assertThat(setting("0x1_f").asInt()).contains(31);
            assertThat(setting("-2147483648").asInt()).contains(Integer.MIN_VALUE);
            assertThat(setting("2147483647").asInt()).contains(Integer.MAX_VALUE);
        }

        @Test
        void shouldRefuseWhatRubyRefusesAndWhatDoesNotFitAnInt() {
            assertThat(setting("08").asInt()).isEmpty();
            assertThat(setting("2147483648").asInt()).isEmpty();
            assertThat(setting("99999999999").asInt()).isEmpty();
        }
    }

    @Test
    void shouldReadRubysFloat() {
        assertThat(setting("1_0.5").asFloat()).contains(10.5);
        assertThat(setting("5.").asFloat()).isEmpty();
    }
}
