package mcollective.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Nested
    class Defaults {
        private final Config c = new ConfigParser(Map.of()).withHostname("h1").parse("", "empty.cfg");

        @Test
        void shouldUseTheRubyDefaultsWithoutAnyEnvironment() {
            assertThat(c.identity()).isEqualTo("h1");
            assertThat(c.collectives()).containsExactly("mcollective");
            assertThat(c.mainCollective()).isEqualTo("mcollective");
            assertThat(c.libdirs()).isEmpty();
            assertThat(c.loggerType()).isEqualTo("file");
            assertThat(c.logfile()).isEmpty();
            assertThat(c.loglevel()).isEqualTo("info");
            assertThat(c.logfacility()).isEqualTo("user");
            assertThat(c.keeplogs()).isEqualTo(5);
            assertThat(c.maxLogSize()).isEqualTo(2097152);
            assertThat(c.daemonize()).isFalse();
            assertThat(c.connector()).isEqualTo("activemq");
            assertThat(c.securityProvider()).isEqualTo("psk");
            assertThat(c.factSource()).isEqualTo("yaml");
            assertThat(c.factCacheTime()).isEqualTo(300);
            assertThat(c.classesFile()).isEqualTo(Path.of("/var/lib/puppet/state/classes.txt"));
            assertThat(c.registration()).isEqualTo("agentlist");
            assertThat(c.registerInterval()).isZero();
            assertThat(c.registrationSplay()).isFalse();
            assertThat(c.registrationCollective()).isEmpty();
            assertThat(c.rpcaudit()).isFalse();
            assertThat(c.rpcauditprovider()).isEmpty();
            assertThat(c.rpcauthorization()).isFalse();
            assertThat(c.rpcauthprovider()).isEmpty();
            assertThat(c.rpclimitmethod()).isEqualTo("first");
            assertThat(c.directAddressing()).isTrue();
            assertThat(c.directAddressingThreshold()).isEqualTo(10);
            assertThat(c.ttl()).isEqualTo(60);
            assertThat(c.discoveryTimeout()).isEmpty();
            assertThat(c.publishTimeout()).isEqualTo(2);
            assertThat(c.connectionTimeout()).isEmpty();
            assertThat(c.threaded()).isFalse();
            assertThat(c.defaultDiscoveryMethod()).isEqualTo("mc");
            assertThat(c.defaultDiscoveryOptions()).isEmpty();
            assertThat(c.defaultBatchSize()).isZero();
            assertThat(c.defaultBatchSleepTime()).isEqualTo(1.0);
            assertThat(c.color()).isEqualTo(!System.getProperty("os.name").startsWith("Windows"));
            assertThat(c.sslCipher()).isEqualTo("aes-256-cbc");
            assertThat(c.softShutdown()).isFalse();
            assertThat(c.softShutdownTimeout()).isEmpty();
            assertThat(c.activateAgents()).isTrue();
            assertThat(c.pluginSettings()).isEmpty();
            assertThat(c.configFile()).isEmpty();
            assertThat(c.environment()).isEmpty();
        }

        @Test
        void shouldGiveEveryKeyAValueOfItsDeclaredShape() {
            for (ConfigKey k : ConfigKey.values()) {
                assertThat(c.get(k)).as(k.rubyName()).isNotNull();
                if (k.isOptional()) {
                    assertThat(c.get(k)).as(k.rubyName()).isInstanceOf(Optional.class);
                }
            }
        }

        @Test
        void shouldDefaultTheIdentityToTheLocalHostName() {
            assertThat(Config.defaults().identity()).isNotBlank().matches("[\\w.\\-]+");
        }
    }

    @Nested
    class RawValue {
        private final Config c = Config.builder()
                .hostname("h1")
                .set("ttl", "0x10")
                .set("daemonize", "yes")
                .build();

        @Test
        void shouldGiveTheTextAsWrittenForASetKey() {
            assertThat(c.rawValue("ttl")).contains("0x10");
            assertThat(c.rawValue("daemonize")).contains("yes");
        }

        @Test
        void shouldGiveTheDefaultForAnUnsetKey() {
            assertThat(c.rawValue("collectives")).contains("mcollective");
            assertThat(c.rawValue("identity")).contains("h1");
        }

        @Test
        void shouldBeEmptyForUnknownAndUnsetOptionalKeys() {
            assertThat(c.rawValue("nosuchkey")).isEmpty();
            assertThat(c.rawValue("connection_timeout")).isEmpty();
            assertThat(c.rawValue("plugin.nothing")).isEmpty();
        }
    }

    @Nested
    class Builder {
        @Test
        void shouldValidateLikeTheParser() {
            assertThatThrownBy(() -> Config.builder().set("ttl", "1").set("foo", "x"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("Config.builder():2: Unknown config parameter 'foo'");
        }

        @Test
        void shouldStayUsableAfterARejectedSetting() {
            ConfigBuilder b = Config.builder().hostname("h1");
            assertThatThrownBy(() -> b.set(ConfigKey.TTL, "soon")).isInstanceOf(ConfigException.class);
            assertThat(b.set(ConfigKey.TTL, "30").build().ttl()).isEqualTo(30);
        }

        @Test
        void shouldBuildPluginSettingsAndEnvironment() {
            Config c = Config.builder()
                    .set("identity", "n1")
                    .set("plugin.psk", "x")
                    .environment(Map.of("MCOLLECTIVE_PSK", "y"))
                    .build();
            assertThat(c.identity()).isEqualTo("n1");
            assertThat(c.plugin("psk").value()).contains("x");
            assertThat(c.env("MCOLLECTIVE_PSK")).contains("y");
        }

        @Test
        void shouldRejectABadIdentityAtBuild() {
            assertThatThrownBy(() -> Config.builder().set("identity", "a:b").build())
                    .hasMessageContaining("Config.builder():1: Identities can only match");
        }
    }

    @Nested
    class DebianPackageFiles {
        @Test
        void shouldParseTheShippedServerCfg() {
            Config c = new ConfigParser(Map.of()).parse(existing("/usr/share/mcollective/server.cfg"));
            assertThat(c.daemonize()).isTrue();
            assertThat(c.libdirs()).containsExactly(Path.of("/usr/share/mcollective/plugins"));
            assertThat(c.logfile()).contains(Path.of("/var/log/mcollective.log"));
            assertThat(c.plugin("activemq").getInt("pool.1.port")).contains(61613);
            assertThat(c.plugin("yaml").value()).contains("/etc/mcollective/facts.yaml");
        }

        @Test
        void shouldParseTheShippedClientCfg() {
            Config c = new ConfigParser(Map.of()).parse(existing("/etc/mcollective/client.cfg"));
            assertThat(c.loggerType()).isEqualTo("console");
            assertThat(c.loglevel()).isEqualTo("warn");
            assertThat(c.plugin("psk").value()).contains("unset");
        }

        private Path existing(String file) {
            Path p = Path.of(file);
            assertThat(p).as("the Debian mcollective package must be installed").isReadable();
            assertThat(Files.isRegularFile(p)).isTrue();
            return p;
        }
    }
}
