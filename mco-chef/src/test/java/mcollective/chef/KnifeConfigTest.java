package mcollective.chef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.config.Config;

/** knife.rb read as data, with the plugin.chef.* overrides. */
class KnifeConfigTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadAKnifeRbWithoutRunningIt() throws IOException {
        Path knife =
                Files.writeString(Files.createDirectories(dir.resolve(".chef")).resolve("knife.rb"), """
                current_dir = File.dirname(__FILE__)
                log_level                :info
                node_name                "mco-discovery"   # the API client
                client_key               "#{current_dir}/mco-discovery.pem"
                chef_server_url          'https://chef.example.net/organizations/acme/'
                ssl_verify_mode          :verify_none
                cookbook_path            ["#{current_dir}/../cookbooks"]
                system("rm -rf /")
                """);

        KnifeConfig config = KnifeConfig.resolve(
                Config.builder().environment(Map.of()).build().plugin("chef"), Optional.of(dir));

        assertThat(config.serverUrl()).isEqualTo("https://chef.example.net/organizations/acme");
        assertThat(config.nodeName()).isEqualTo("mco-discovery");
        assertThat(config.clientKey()).isEqualTo(knife.getParent().resolve("mco-discovery.pem"));
        assertThat(config.sslVerifyNone()).isTrue();
    }

    @Test
    void shouldLetThePluginConfigOverrideTheFile() throws IOException {
        Path client = Files.writeString(dir.resolve("client.rb"), """
                chef_server_url "https://chef.example.net"
                node_name "node1"
                client_key File.join(current_dir, "client.pem")
                """);
        Config config = Config.builder()
                .environment(Map.of())
                .set("plugin.chef.knife_config", client.toString())
                .set("plugin.chef.node_name", "override")
                .build();

        KnifeConfig knife = KnifeConfig.resolve(config.plugin("chef"), Optional.empty());

        assertThat(knife.nodeName()).isEqualTo("override");
        assertThat(knife.clientKey()).isEqualTo(dir.resolve("client.pem"));
        assertThat(knife.serverUrl()).isEqualTo("https://chef.example.net");
    }

    @Test
    void shouldNameWhatIsMissing() {
        Config named = Config.builder()
                .environment(Map.of())
                .set("plugin.chef.knife_config", dir.resolve("none.rb").toString())
                .build();
        assertThatThrownBy(() -> KnifeConfig.resolve(named.plugin("chef"), Optional.empty()))
                .hasMessageStartingWith("Cannot read Chef configuration " + dir.resolve("none.rb"));

        Config none = Config.builder().environment(Map.of()).build();
        assertThatThrownBy(() -> KnifeConfig.resolve(none.plugin("chef"), Optional.of(dir)))
                .hasMessageStartingWith("No Chef server URL: set plugin.chef.server_url");
    }

    @Test
    void shouldDefaultANodesNameToItsIdentityAndItsKeyToChefClientsKey() throws IOException {
        Path client = Files.writeString(dir.resolve("client.rb"), "chef_server_url 'https://chef.example.net/'\n");
        Config config = Config.builder()
                .environment(Map.of())
                .set("plugin.chef.knife_config", client.toString())
                .build();

        KnifeConfig node = KnifeConfig.forNode(config.plugin("chef"), "web1.example.net", Optional.empty());

        assertThat(node.nodeName()).isEqualTo("web1.example.net");
        assertThat(node.clientKey()).isEqualTo(Path.of("/etc/chef/client.pem"));
        assertThat(node.serverUrl()).isEqualTo("https://chef.example.net");
    }
}
