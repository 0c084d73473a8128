package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.testkit.McoResult;
import mcollective.testkit.fleet.Fleet;

/** {@code mco find} with the flatfile and stdin discovery methods, their mistakes, and windowed mc discovery. */
@ThreeJavaNodes
class DiscoveryMethodsIT {
    Fleet fleet;

    @Nested
    class Flatfile {
        @Test
        void shouldListTheNodesOfTheFile() throws IOException {
            Path nodes = Files.writeString(
                    fleet.dir().resolve("nodes.txt"), "# web tier\nweb1.example.net\n\n  web2.example.net \n");

            assertThat(fleet.mco("find", "--nodes", nodes.toString()).lines())
                    .containsExactly("web1.example.net", "web2.example.net");
            assertThat(fleet.mco("find", "--dm", "flatfile", "--do", nodes.toString(), "-I", "/2/")
                            .lines())
                    .containsExactly("web2.example.net");
        }

        @Test
        void shouldNameAnUnreadableFile() {
            McoResult run = fleet.mco(
                    "find", "--nodes", fleet.dir().resolve("missing.txt").toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err())
                    .contains("Cannot read the file " + fleet.dir().resolve("missing.txt")
                            + " specified as discovery source");
        }

        @Test
        void shouldRefuseFiltersItCannotHonour() throws IOException {
            Path nodes = Files.writeString(fleet.dir().resolve("n.txt"), "a\n");

            McoResult run = fleet.mco("find", "--nodes", nodes.toString(), "-F", "platform=centos");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("Cannot use fact filters while using the 'flatfile' discovery method");
        }

        @Test
        void shouldRefuseMixingNodesWithADiscoveryMethod() throws IOException {
            Path nodes = Files.writeString(fleet.dir().resolve("m.txt"), "a\n");

            McoResult run = fleet.mco("find", "--nodes", nodes.toString(), "--dm", "mc");

            assertThat(run.err()).contains("Cannot mix --disc-method, --disc-option and --nodes");
        }
    }

    @Nested
    class Stdin {
        @Test
        void shouldReadPipedText() {
            assertThat(fleet.mcoWithStdin("node1.example.net\nnode9.example.net\n", "find")
                            .lines())
                    .containsExactly("node1.example.net", "node9.example.net");
        }

        @Test
        void shouldReadPipedJsonFromMcoRpc() {
            String json = "[{\"sender\":\"node2.example.net\",\"data\":{}},{\"certname\":\"node3.example.net\"}]";

            assertThat(fleet.mcoWithStdin(json, "find").lines())
                    .containsExactly("node2.example.net", "node3.example.net");
        }

        @Test
        void shouldRefuseWhitespaceOnly() {
            McoResult run = fleet.mcoWithStdin(" \n\t\n", "find", "--dm", "stdin");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err())
                    .contains("data piped on STDIN contained only whitespace - could not discover hosts from it.");
        }
    }

    @Nested
    class Windowed {
        @Test
        void shouldFindTheSameNodesFasterThanTheFixedWait() {
            long start = System.nanoTime();
            List<String> fixed =
                    fleet.mco("find", "--dt", "2", "--do", "window=0").lines();
            double fixedSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            List<String> windowed = fleet.mco("find", "--dt", "2").lines();
            double windowedSeconds = (System.nanoTime() - start) / 1e9;

            assertThat(windowed).containsExactlyInAnyOrderElementsOf(fixed).hasSize(3);
            // Printed for the record; timing is a benchmark figure, not an assertion.
            System.out.printf(
                    Locale.ROOT,
                    "mco find on a quiet 3-node fleet, --dt 2: fixed %.2f s, windowed %.2f s%n",
                    fixedSeconds,
                    windowedSeconds);
        }
    }
}
