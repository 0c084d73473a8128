package mcollective.chef;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import mcollective.cli.Application;
import mcollective.ddl.DdlLoader;
import mcollective.plugin.PluginRegistry;
import mcollective.spi.Agent;
import mcollective.spi.DiscoveryMethod;
import mcollective.spi.FactSource;

/** What the mco-chef jar brings to a class path: the four chef plugins by their Ruby name, and their DDLs. */
class ChefModuleTest {
    final PluginRegistry registry = PluginRegistry.discover();

    @Test
    void shouldOfferTheChefPluginsByTheirRubyNames() {
        assertThat(registry.names(Agent.class)).contains("chef");
        assertThat(registry.names(DiscoveryMethod.class)).contains("chef");
        assertThat(registry.names(FactSource.class)).contains("chef");
        assertThat(registry.names(Application.class)).contains("chef");
    }

    @Test
    void shouldShipTheChefAgentAndDiscoveryDdls() {
        DdlLoader ddls = new DdlLoader(List.of());

        assertThat(ddls.find("agent", "chef")).isPresent();
        assertThat(ddls.find("discovery", "chef")).isPresent();
    }
}
