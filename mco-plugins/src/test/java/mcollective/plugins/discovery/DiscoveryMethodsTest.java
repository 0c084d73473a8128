package mcollective.plugins.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.McollectiveException;
import mcollective.protocol.Filter;
import mcollective.spi.DiscoveryMethod;
import mcollective.spi.DiscoveryMethod.Capability;

/** The built-in discovery methods: what they declare, and what they find. */
class DiscoveryMethodsTest {

    static DiscoveryMethod.Request request(Filter filter, int limit, List<String> options, String stdin) {
        return new DiscoveryMethod.Request(
                filter,
                Duration.ofSeconds(2),
                limit,
                options,
                (f, timeout, quiet, max) -> {
                    throw new AssertionError("an offline method asked the network");
                },
                Optional.of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    }

    @Nested
    class Declarations {
        @Test
        void shouldDeclareMcTheBroadcastMethodThatHonoursEveryFilter() {
            McDiscoveryMethod mc = new McDiscoveryMethod();

            assertThat(mc.isBroadcast()).isTrue();
            assertThat(mc.capabilities()).containsExactlyInAnyOrder(Capability.values());
            assertThat(mc.defaultTimeout()).isEqualTo(Duration.ofSeconds(2));
        }

        @Test
        void shouldDeclareTheListMethodsOfflineAndIdentityOnly() {
            for (DiscoveryMethod method : List.of(new FlatfileDiscoveryMethod(), new StdinDiscoveryMethod())) {
                assertThat(method.isBroadcast()).as(method.name()).isFalse();
                assertThat(method.capabilities()).as(method.name()).containsExactly(Capability.IDENTITY);
                assertThat(method.defaultTimeout()).as(method.name()).isZero();
            }
        }
    }

    @Nested
    class Mc {
        @Test
        void shouldPingTheNetworkWithTheFilterTimeoutWindowAndLimit() {
            List<Object> asked = new ArrayList<>();
            DiscoveryMethod.Request request = new DiscoveryMethod.Request(
                    Filter.empty(),
                    Duration.ofSeconds(3),
                    2,
                    List.of("window=0.5"),
                    (filter, timeout, quiet, limit) -> {
                        asked.addAll(List.of(filter, timeout, quiet, limit));
                        return List.of("node1.example.net");
                    },
                    Optional.empty());

            assertThat(new McDiscoveryMethod().discover(request)).containsExactly("node1.example.net");
            assertThat(asked)
                    .containsExactly(Filter.empty(), Duration.ofSeconds(3), Optional.of(Duration.ofMillis(500)), 2);
        }

        @Test
        void shouldWaitTheWholeTimeoutWithAZeroWindow() {
            List<Object> quiet = new ArrayList<>();
            DiscoveryMethod.Request request = new DiscoveryMethod.Request(
                    Filter.empty(),
                    Duration.ofSeconds(3),
                    0,
                    List.of("window=0"),
                    (filter, timeout, window, limit) -> {
                        quiet.add(window);
                        return List.of();
                    },
                    Optional.empty());

            new McDiscoveryMethod().discover(request);

            assertThat(quiet).containsExactly(Optional.empty());
        }
    }

    @Nested
    class Flatfile {
        @TempDir
        Path dir;

        @Test
        void shouldListTheFileSkippingCommentsAndBlankLinesUpToTheLimit() throws IOException {
            Path file = Files.writeString(dir.resolve("nodes"), "# web\nweb1\n\n  web2  \nweb3\n");

            assertThat(new FlatfileDiscoveryMethod().discover(request(Filter.empty(), 2, List.of(file.toString()), "")))
                    .containsExactly("web1", "web2");
        }

        @Test
        void shouldSelectPlainAndRegexIdentities() throws IOException {
            Path file = Files.writeString(dir.resolve("nodes"), "web1\nweb2\ndb1\n");
            Filter filter =
                    Filter.builder().addIdentity("db1").addIdentity("/web[2]/").build();

            assertThat(new FlatfileDiscoveryMethod().discover(request(filter, 0, List.of(file.toString()), "")))
                    .containsExactly("db1", "web2");
        }

        @Test
        void shouldRefuseAnIdentityRubyWouldRefuse() throws IOException {
            Path file = Files.writeString(dir.resolve("nodes"), "web 1\n");

            assertThatThrownBy(() -> new FlatfileDiscoveryMethod()
                            .discover(request(Filter.empty(), 0, List.of(file.toString()), "")))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessage("Identities can only match /^[\\w\\.\\-]+$/: 'web 1' in " + file);
        }
    }

    @Nested
    class Stdin {
        @Test
        void shouldReadTheSendersOfMcoRpcJson() {
            String json = "[{\"sender\":\"node1.example.net\"},{\"certname\":\"node2.example.net\"}]";

            assertThat(new StdinDiscoveryMethod().discover(request(Filter.empty(), 0, List.of(), json)))
                    .containsExactly("node1.example.net", "node2.example.net");
        }

        @Test
        void shouldReadOneIdentityPerLine() {
            assertThat(new StdinDiscoveryMethod().discover(request(Filter.empty(), 0, List.of(), "a\n\nb\n")))
                    .containsExactly("a", "b");
        }

        @Test
        void shouldRefuseWhitespaceOnly() {
            assertThatThrownBy(() -> new StdinDiscoveryMethod().discover(request(Filter.empty(), 0, List.of(), " \n")))
                    .hasMessage("data piped on STDIN contained only whitespace - could not discover hosts from it.");
        }
    }
}
