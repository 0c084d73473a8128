package mcollective.testkit.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Test classes that use {@link WithFleet}, for {@link FleetExtensionTest} to run through the JUnit launcher; the
 * build never runs them itself (no name here ends in Test). They record the fleets they were given in {@link #SEEN}.
 */
final class FleetSamples {
    /** What the sample tests saw, in the order they ran. */
    static final List<Fleet> SEEN = new CopyOnWriteArrayList<>();

    private FleetSamples() {}

    @WithFleet(
            nodes =
                    @FleetNode(
                            value = "web.example.net",
                            facts = {"platform=centos", "motd=a=b"},
                            classes = "role.web",
                            collectives = {"mcollective", "eu"},
                            settings = "plugin.sample = 1"),
            javaNodes = 1,
            collectives = {"mcollective", "eu"},
            psk = "sample-psk")
    static class ClassFleet {
        static Fleet shared;
        Fleet fleet;

        @Test
        void getsTheFleetInFieldsAndParameters(Fleet parameter) throws IOException {
            SEEN.add(fleet);
            assertThat(parameter).isSameAs(fleet).isSameAs(shared);
            assertThat(fleet.identities()).containsExactly("web.example.net", "java1.example.net");
            assertThat(FleetExtensionTest.accepts(fleet.port()))
                    .as("broker listening")
                    .isTrue();
        }

        @Test
        void writesEachNodesFilesFromItsDeclaration() throws IOException {
            SEEN.add(fleet);
            Path dir = fleet.node("web.example.net").dir();

            assertThat(RecordingInProcessJava.STARTED).contains(dir.resolve("server.cfg"));
            assertThat(Files.readAllLines(dir.resolve("server.cfg")))
                    .contains(
                            "identity = web.example.net",
                            "collectives = mcollective,eu",
                            "libdir = " + dir.resolve("lib"),
                            "plugin.activemq.pool.1.host = 127.0.0.1",
                            "plugin.activemq.pool.1.port = " + fleet.port(),
                            "plugin.psk = sample-psk",
                            "plugin.yaml = " + dir.resolve("facts.yaml"),
                            "classesfile = " + dir.resolve("classes.txt"))
                    .last()
                    .isEqualTo("plugin.sample = 1");
            assertThat(dir.resolve("facts.yaml")).hasContent("---\nplatform: \"centos\"\nmotd: \"a=b\"");
            assertThat(dir.resolve("classes.txt")).hasContent("role.web");
            assertThat(fleet.node("web.example.net").stat("total")).isEqualTo(5);
        }

        @Nested
        class Inner {
            @Test
            void seesTheEnclosingClasssFleet(Fleet parameter) throws IOException {
                SEEN.add(parameter);
                assertThat(Files.readAllLines(parameter.clientConfig()))
                        .contains("collectives = mcollective,eu", "plugin.psk = sample-psk")
                        .noneMatch(line -> line.startsWith("libdir"));
                assertThat(Files.readAllLines(parameter.rubyClientConfig()))
                        .contains("libdir = /usr/share/mcollective/plugins");
                assertThat(parameter.mco("ping", "-t", "1").out())
                        .isEqualTo("ping -t 1 -c " + parameter.clientConfig());
                assertThat(parameter.mcoWithStdin("node1", "find").out())
                        .isEqualTo("find -c " + parameter.clientConfig() + " < node1");
            }
        }
    }

    /** A node written in code. */
    static final class OnePlanned implements NodePlan {
        @Override
        public List<NodeSpec> nodes() {
            return List.of(NodeSpec.java("planned.example.net"));
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @WithFleet(javaNodes = 2, plan = OnePlanned.class)
    @interface TwoJavaNodes {}

    @TwoJavaNodes
    static class ComposedFleet {
        @Test
        void getsTheComposedFleet(Fleet fleet) {
            SEEN.add(fleet);
        }
    }

    static class MethodFleets {
        @Test
        @WithFleet(javaNodes = 1)
        void one(Fleet fleet) {
            SEEN.add(fleet);
        }

        @Test
        @WithFleet(javaNodes = 1, broker = Broker.NONE)
        void another(Fleet fleet) {
            SEEN.add(fleet);
            assertThat(FleetExtensionTest.accepts(fleet.port()))
                    .as("a port nothing listens on")
                    .isFalse();
        }

        @Test
        void noneHere() {}
    }

    @ExtendWith(FleetExtension.class)
    static class NoFleet {
        @Test
        void wantsAFleet(Fleet fleet) {}
    }

    @WithFleet(nodes = {@FleetNode("twin.example.net"), @FleetNode("twin.example.net")})
    static class BrokenFleet {
        @Test
        void neverRuns(Fleet fleet) {}
    }
}
