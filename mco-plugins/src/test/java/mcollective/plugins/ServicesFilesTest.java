package mcollective.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import mcollective.plugin.PluginRegistry;
import mcollective.spi.Agent;
import mcollective.spi.Connector;
import mcollective.spi.FactSource;
import mcollective.spi.Plugin;
import mcollective.spi.SecurityProvider;

/** Every plugin class in this jar is listed in the services file of its SPI, and is found by its Ruby name. */
class ServicesFilesTest {

    @Test
    void shouldListEveryPluginClassInItsServicesFile() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (!Plugin.class.isAssignableFrom(type)
                        || type.isInterface()
                        || Modifier.isAbstract(type.getModifiers())
                        || !Modifier.isPublic(type.getModifiers())) {
                    continue;
                }
                for (Class<?> spi : type.getInterfaces()) {
                    collectMissing(classes, type, spi, missing);
                }
                Class<?> parent = type.getSuperclass();
                while (parent != null && parent != Object.class) {
                    for (Class<?> spi : parent.getInterfaces()) {
                        collectMissing(classes, type, spi, missing);
                    }
                    parent = parent.getSuperclass();
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static void collectMissing(Path classes, Class<?> type, Class<?> spi, List<String> missing)
            throws IOException {
        if (!Plugin.class.isAssignableFrom(spi) || spi == Plugin.class) {
            return;
        }
        Path services = classes.resolve("META-INF/services/" + spi.getName());
        if (!Files.exists(services) || !Files.readAllLines(services).contains(type.getName())) {
            missing.add(type.getName() + " in META-INF/services/" + spi.getName());
        }
    }

    @Test
    void shouldFindTheBuiltInPluginsByTheirRubyNames() {
        PluginRegistry registry = PluginRegistry.discover();

        assertThat(registry.names(Connector.class)).contains("activemq");
        assertThat(registry.names(SecurityProvider.class)).contains("psk");
        assertThat(registry.names(FactSource.class)).contains("yaml");
        assertThat(registry.names(Agent.class)).contains("discovery", "rpcutil");
    }
}
