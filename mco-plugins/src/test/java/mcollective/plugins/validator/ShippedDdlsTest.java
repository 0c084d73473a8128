package mcollective.plugins.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import mcollective.ddl.DdlKind;
import mcollective.ddl.DdlLoader;
import mcollective.spi.Validator;

/** MCollective's own DDLs reach the class path from ddl/, so a loader without libdirs finds them. */
class ShippedDdlsTest {
    final DdlLoader loader = new DdlLoader(List.of());

    @Test
    void shouldFindEveryShippedDdlOnTheClassPath() {
        assertThat(loader.names("agent")).contains("rpcutil");
        assertThat(loader.names("data")).contains("agent_data", "collective_data", "fact_data", "fstat_data");
        assertThat(loader.names("aggregate")).contains("average", "sum", "summary");
        assertThat(loader.names("discovery")).contains("mc", "flatfile", "stdin");
        assertThat(loader.names("connector")).contains("activemq", "rabbitmq");
        for (String kind : List.of("agent", "data", "aggregate", "discovery", "connector", "validator")) {
            loader.names(kind)
                    .forEach(name -> assertThat(loader.find(kind, name))
                            .as(kind + "/" + name)
                            .isPresent());
        }
        assertThat(loader.agent("rpcutil").source()).isEqualTo("classpath:mcollective/agent/rpcutil.ddl");
    }

    @Test
    void shouldShipADdlForEveryValidatorPlugin() {
        ServiceLoader.load(Validator.class)
                .forEach(v -> assertThat(loader.find(DdlKind.VALIDATOR, v.name() + "_validator"))
                        .as(v.name())
                        .isPresent());
    }
}
