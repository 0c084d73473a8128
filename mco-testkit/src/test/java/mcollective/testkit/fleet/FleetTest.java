package mcollective.testkit.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import mcollective.McollectiveException;

/** {@link Fleet} in code: nodes added while it runs, the broker stopped and started, and what it refuses. */
class FleetTest {
    Fleet fleet;

    @BeforeEach
    void start() {
        RecordingInProcessJava.reset();
        fleet = Fleet.builder().start();
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void shouldStartANodeAddedWhileItRunsAndStopItWithTheFleet() {
        fleet.start(NodeSpec.java("late.example.net").fact("platform", "debian"));

        assertThat(fleet.identities()).containsExactly("late.example.net");
        fleet.close();
        assertThat(RecordingInProcessJava.STOPPED).containsExactlyElementsOf(RecordingInProcessJava.STARTED);
    }

    @Test
    void shouldUseTheTestsOwnFactsAndClassesFilesAndLibdir() throws IOException {
        Path facts = Files.writeString(fleet.dir().resolve("mine.yaml"), "---\nx: \"1\"\n");
        Path classes = Files.writeString(fleet.dir().resolve("mine.txt"), "a\n");
        Path lib = Files.createDirectories(fleet.dir().resolve("mylib"));

        Path dir = fleet.start(NodeSpec.java("own.example.net")
                        .factsFile(facts)
                        .classesFile(classes)
                        .libdir(lib))
                .dir();

        assertThat(Files.readAllLines(dir.resolve("server.cfg")))
                .contains("plugin.yaml = " + facts, "classesfile = " + classes, "libdir = " + lib);
        assertThat(dir.resolve("facts.yaml")).doesNotExist();
    }

    @Test
    void shouldRefuseAnIdentityThatRunsAlreadyButTakeItAgainOnceStopped() {
        fleet.start(NodeSpec.java("again.example.net"));

        assertThatThrownBy(() -> fleet.start(NodeSpec.java("again.example.net")))
                .isInstanceOf(McollectiveException.class)
                .hasMessage("Node again.example.net is in the fleet already");
        fleet.node("again.example.net").close();
        assertThat(fleet.start(NodeSpec.java("again.example.net")).isAlive()).isTrue();
    }

    @Test
    void shouldNameTheNodesItHasWhenAskedForAnother() {
        fleet.start(NodeSpec.java("known.example.net"));

        assertThatThrownBy(() -> fleet.node("unknown.example.net"))
                .hasMessage("The fleet has no node unknown.example.net; it has [known.example.net]");
        assertThatThrownBy(() -> fleet.rubyNode("known.example.net")).hasMessageContaining("not a RubyNode");
    }

    @Test
    void shouldStartTheBrokerAgainOnTheSamePort() {
        int port = fleet.port();

        fleet.stopBroker();
        assertThat(FleetExtensionTest.accepts(port)).isFalse();
        fleet.startBroker();

        assertThat(fleet.port()).isEqualTo(port);
        assertThat(FleetExtensionTest.accepts(port)).isTrue();
    }

    @Test
    void shouldWriteMoreClientConfigsWithTheExtraLinesLast() throws IOException {
        Path java = fleet.clientConfig("other.cfg", "connection_timeout = 2");
        Path ruby = fleet.rubyClientConfig("other.cfg", "libdir = /tmp/x");

        assertThat(java).isEqualTo(fleet.dir().resolve("other.cfg"));
        assertThat(Files.readAllLines(java)).last().isEqualTo("connection_timeout = 2");
        assertThat(ruby).isEqualTo(fleet.dir().resolve("ruby/other.cfg"));
        assertThat(Files.readAllLines(ruby))
                .contains("libdir = /usr/share/mcollective/plugins")
                .last()
                .isEqualTo("libdir = /tmp/x");
    }

    @Test
    void shouldFailLoudlyWithoutAnInProcessJavaOnTheClassPath() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> Fleet.loadInProcessJava(empty))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessageContaining("No mcollective.testkit.fleet.InProcessJava on the class path")
                    .hasMessageContaining("JAVA_DAEMON");
        }
    }

    @Test
    void shouldRefuseToStopABrokerItDoesNotRun() {
        try (Fleet without = Fleet.builder().broker(Broker.NONE).start()) {
            assertThatThrownBy(without::stopBroker).hasMessageContaining("Broker.NONE");
            assertThat(FleetExtensionTest.accepts(without.port())).isFalse();
        }
    }
}
