package mcollective.chef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.McollectiveException;
import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;
import mcollective.plugins.pem.PemFiles;
import mcollective.protocol.Filter;
import mcollective.spi.DiscoveryMethod;
import mcollective.spi.PluginContext;
import mcollective.testdata.Reference;
import mcollective.testkit.ChefServerStub;
import mcollective.testkit.ChefServerStub.Received;
import mcollective.testkit.ChefServerStub.Reply;
import mcollective.testkit.TestCerts;

/**
 * {@code --dm chef} against a Chef API stand-in that checks every signature (401 otherwise) and serves the responses
 * recorded from a real Chef server API ({@code reference/chef/}): the query string each filter becomes, paging,
 * partial search and its fallback, and the one-line errors.
 */
class ChefDiscoveryMethodTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    ChefServerStub chef;
    Path key;
    /** What the stand-in answers to a search; by default the recorded responses. */
    Function<Received, Reply> search = ChefDiscoveryMethodTest::recorded;

    @BeforeEach
    void start() {
        chef = ChefServerStub.start("/organizations/acme")
                .route("/search/node", (ChefServerStub.RequestRoute) r -> search.apply(r));
        key = chef.writeClientKey(dir.resolve("mco.pem"));
    }

    @AfterEach
    void stop() {
        chef.close();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> recording(String name) {
        try {
            return JSON.readValue(Reference.path("chef/" + name).toFile(), LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded partial search (six nodes of the fleet) for a POST, the recorded full search for a GET. */
    @SuppressWarnings("unchecked")
    static Reply recorded(Received request) {
        if (request.method().equals("GET")) {
            return new Reply(200, recording("search-node-full.json"));
        }
        Map<String, Object> keys;
        try {
            keys = JSON.readValue(request.body(), LinkedHashMap.class);
        } catch (IOException e) {
            return new Reply(400, Map.of("error", List.of("bad body")));
        }
        Map<String, Object> partial = recording("partial-search.json");
        List<Object> rows = new ArrayList<>();
        for (Object row : (List<Object>) partial.get("rows")) {
            Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) row).get("data");
            Map<String, Object> selected = new LinkedHashMap<>();
            keys.forEach((alias, path) -> selected.put(alias, data.get(((List<String>) path).get(0))));
            rows.add(Map.of("url", ((Map<String, Object>) row).get("url"), "data", selected));
        }
        return new Reply(200, Map.of("rows", rows, "start", 0, "total", rows.size()));
    }

    DiscoveryMethod method(String... settings) {
        var builder = Config.builder()
                .set("plugin.chef.server_url", chef.url() + "/")
                .set("plugin.chef.node_name", "mco-discovery")
                .set("plugin.chef.client_key", key.toString());
        for (int i = 0; i < settings.length; i += 2) {
            builder.set("plugin.chef." + settings[i], settings[i + 1]);
        }
        ChefDiscoveryMethod method = new ChefDiscoveryMethod();
        method.init(new PluginContext(
                builder.build(),
                "chef",
                PluginRegistry.builder().autoDiscover(false).build(),
                Clock.systemUTC(),
                Map.of(),
                Map.of()));
        return method;
    }

    static List<String> discover(DiscoveryMethod method, Consumer<Filter.Builder> filter, String... options) {
        Filter.Builder builder = Filter.builder();
        filter.accept(builder);
        return method.discover(new DiscoveryMethod.Request(
                builder.build(),
                Duration.ZERO,
                0,
                List.of(options),
                (f, timeout, quiet, limit) -> {
                    throw new AssertionError("chef discovery must not broadcast");
                },
                Optional.empty()));
    }

    String lastQuery() {
        List<Received> received = chef.received();
        return received.get(received.size() - 1).query().get("q");
    }

    static final List<String> FLEET = List.of(
            "chef-11.nat0.cryptocracy.com",
            "ci.nat0.cryptocracy.com",
            "illuminati.cryptocracy.com",
            "mco-x509.nat0.cryptocracy.com",
            "monitoring.nat0.cryptocracy.com",
            "test-precise.nat0.cryptocracy.com");

    @Nested
    class Queries {
        void assertQuery(Consumer<Filter.Builder> filter, List<String> options, String query) {
            discover(method(), filter, options.toArray(String[]::new));
            assertThat(lastQuery()).isEqualTo(query);
        }

        @Test
        void runListClassesInBothForms() {
            assertQuery(f -> f.addClass("role[base]"), List.of(), "role:base");
            assertQuery(f -> f.addClass("recipe[mcollective::server]"), List.of(), "recipe:mcollective\\:\\:server");
            assertQuery(f -> f.addClass("role.base"), List.of(), "role:base");
            assertQuery(f -> f.addClass("recipe.nginx::default"), List.of(), "recipe:nginx\\:\\:default");
            assertQuery(
                    f -> f.addClass("role[base]").addClass("recipe[mcollective::server]"),
                    List.of(),
                    "role:base AND recipe:mcollective\\:\\:server");
        }

        @Test
        void identitiesAndWildcardsInOneGroup() {
            assertQuery(
                    f -> f.addIdentity("m*").addIdentity("ci.nat0.cryptocracy.com"),
                    List.of(),
                    "(name:m* OR name:ci.nat0.cryptocracy.com)");
        }

        @Test
        void factsAsAttributeTerms() {
            assertQuery(
                    f -> f.addFact("platform=centos").addFact("chef_environment!=prod"),
                    List.of(),
                    "platform:centos AND NOT chef_environment:prod");
        }

        @Test
        void eachRawQueryInParentheses() {
            assertQuery(
                    f -> f.addClass("role[chef-client-11]"),
                    List.of("chef_environment:prod OR chef_environment:dev"),
                    "(chef_environment:prod OR chef_environment:dev) AND role:chef\\-client\\-11");
        }

        @Test
        void everythingAnded() {
            assertQuery(
                    f -> f.addClass("role[base]").addIdentity("m*").addFact("platform=ubuntu"),
                    List.of("chef_environment:prod"),
                    "(chef_environment:prod) AND role:base AND platform:ubuntu AND (name:m*)");
        }

        @Test
        void noTermsIsEveryNode() {
            assertQuery(f -> {}, List.of(), "*:*");
        }

        @Test
        void sortedAndPagedAsChefsOwnClient() {
            discover(method(), f -> {});

            assertThat(chef.received().get(0).query())
                    .containsEntry("sort", "X_CHEF_id_CHEF_X asc")
                    .containsEntry("start", "0")
                    .containsEntry("rows", "1000");
        }
    }

    @Nested
    class PartialSearch {
        @Test
        void isUsedByDefaultSoThatOnlyNamesTravel() throws IOException {
            List<String> found = discover(method(), f -> {});

            assertThat(found).containsExactlyElementsOf(FLEET);
            Received request = chef.received().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("{\"name\":[\"name\"]}"));
        }

        @Test
        void asksForTheIdentityAttributeToo() throws IOException {
            List<String> found = discover(method("identity_attribute", "fqdn"), f -> f.addIdentity("/^test/"));

            assertThat(found).containsExactly("test-precise.nat0.cryptocracy.com");
            assertThat(JSON.readTree(chef.received().get(0).body()))
                    .isEqualTo(JSON.readTree("{\"name\":[\"name\"],\"identity\":[\"fqdn\"]}"));
        }

        @Test
        void fallsBackToWholeNodesWhenTheServerHasNone() {
            search = r -> r.method().equals("POST")
                    ? new Reply(405, Map.of("error", List.of("Method not allowed")))
                    : recorded(r);

            assertThat(discover(method(), f -> {})).containsExactly("ci.nat0.cryptocracy.com");
            assertThat(chef.received()).extracting(Received::method).containsExactly("POST", "GET");
        }

        @Test
        void canBeTurnedOff() {
            assertThat(discover(method("partial_search", "false"), f -> {})).containsExactly("ci.nat0.cryptocracy.com");
            assertThat(chef.received()).extracting(Received::method).containsExactly("GET");
        }
    }

    @Nested
    class WholeNodes {
        @Test
        void takeTheNodeNameOrAnAttribute() {
            assertThat(discover(method("partial_search", "0"), f -> {})).containsExactly("ci.nat0.cryptocracy.com");
            assertThat(discover(method("partial_search", "0", "identity_attribute", "ipaddress"), f -> {}))
                    .containsExactly(((Map<?, ?>) ((Map<?, ?>) ((List<?>) recording("search-node-full.json")
                                                    .get("rows"))
                                            .get(0))
                                    .get("automatic"))
                            .get("ipaddress")
                            .toString());
        }

        @Test
        void readEveryPage() {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 2503; i++) {
                names.add(String.format("node%04d", i));
            }
            search = r -> {
                int start = Integer.parseInt(r.query().get("start"));
                int rows = Integer.parseInt(r.query().get("rows"));
                List<Object> page = new ArrayList<>();
                for (String name : names.subList(start, Math.min(start + rows, names.size()))) {
                    page.add(Map.of("url", "x", "data", Map.of("name", name)));
                }
                return new Reply(200, Map.of("rows", page, "start", start, "total", names.size()));
            };

            assertThat(discover(method(), f -> {})).containsExactlyElementsOf(names);
            assertThat(chef.received()).extracting(r -> r.query().get("start")).containsExactly("0", "1000", "2000");
        }
    }

    @Nested
    class Errors {
        @Test
        void aRefusedKeyNamesTheClientAndTheKey() {
            Path wrong = ChefServerStub.writeUnknownKey(dir.resolve("wrong.pem"));

            assertThatThrownBy(() -> discover(method("client_key", wrong.toString()), f -> {}))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessage("The Chef server refused client 'mco-discovery' with key " + wrong
                            + " (HTTP 401): Failed to authenticate as mco-discovery");
        }

        @Test
        void aBadKeyFileIsNamed() throws IOException {
            Path bad = Files.writeString(dir.resolve("bad.pem"), "not a key\n");

            assertThatThrownBy(() -> discover(method("client_key", bad.toString()), f -> {}))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessageStartingWith("Cannot use the Chef client key " + bad + ": ");
            assertThatThrownBy(() -> discover(
                            method("client_key", dir.resolve("none.pem").toString()), f -> {}))
                    .hasMessageStartingWith("Cannot use the Chef client key " + dir.resolve("none.pem") + ": ");
        }

        @Test
        void anInvalidQueryGivesTheServersMessage() {
            search = r -> new Reply(400, Map.of("error", List.of("invalid search query: 'recipe:foo::bar'")));

            assertThatThrownBy(() -> discover(method(), f -> {}, "recipe:foo::bar"))
                    .hasMessage("The Chef server rejected the query '(recipe:foo::bar)': "
                            + "invalid search query: 'recipe:foo::bar'");
        }

        @Test
        void anUnreachableServerIsNamed() throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }

            assertThatThrownBy(() -> discover(method("server_url", "http://127.0.0.1:" + port), f -> {}))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessageStartingWith("Cannot reach the Chef server http://127.0.0.1:" + port + ": ");
        }

        @Test
        void aClassThatIsNotARunListEntryIsRefused() {
            assertThatThrownBy(() -> discover(method(), f -> f.addClass("apache")))
                    .hasMessageStartingWith("Cannot use class 'apache' with chef discovery");
        }

        @Test
        void anOversizedReplyIsRefusedNotHeld() {
            ChefApi small = new ChefApi(
                    new KnifeConfig(
                            chef.url(), "mco-discovery", key, false, Optional.empty(), dir.resolve("trusted_certs")),
                    new ChefSigner(
                            "mco-discovery", PemFiles.privateKey(key), ChefSigner.Protocol.V1_3, Clock.systemUTC()),
                    HttpClient.newHttpClient(),
                    1000);

            assertThatThrownBy(() -> small.get("/search/node?q=*:*"))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessageContaining("/search/node?q=*:* is over 1000 bytes; refused");
        }

        @Test
        void aBrokenIdentityRegexIsNamed() {
            assertThatThrownBy(() -> discover(method(), f -> f.addIdentity("/web(/")))
                    .hasMessageStartingWith("Invalid identity filter /web(/: ");
        }
    }

    @Nested
    class Https {
        TestCerts certs;
        ChefServerStub tls;
        Path knifeDir;

        @BeforeEach
        void startTls() throws Exception {
            certs = TestCerts.create(dir, "chef-server");
            tls = ChefServerStub.startTls("", certs)
                    .route("/search/node", (ChefServerStub.RequestRoute) ChefDiscoveryMethodTest::recorded);
            knifeDir = Files.createDirectories(dir.resolve("dot-chef"));
            tls.writeClientKey(knifeDir.resolve("mco.pem"));
        }

        @AfterEach
        void stopTls() {
            tls.close();
        }

        DiscoveryMethod overHttps(String... knifeLines) throws IOException {
            Path knife = Files.writeString(
                    knifeDir.resolve("knife.rb"),
                    "chef_server_url '" + tls.url() + "'\n"
                            + "node_name 'mco-discovery'\nclient_key \"#{current_dir}/mco.pem\"\n"
                            + String.join("\n", knifeLines)
                            + "\n");
            ChefDiscoveryMethod method = new ChefDiscoveryMethod();
            method.init(new PluginContext(
                    Config.builder()
                            .set("plugin.chef.knife_config", knife.toString())
                            .build(),
                    "chef",
                    PluginRegistry.builder().autoDiscover(false).build(),
                    Clock.systemUTC(),
                    Map.of(),
                    Map.of()));
            return method;
        }

        @Test
        void trustsTheCertificatesKnifeFetched() throws IOException {
            Files.createDirectories(knifeDir.resolve("trusted_certs"));
            Files.copy(certs.certPem, knifeDir.resolve("trusted_certs/127_0_0_1.crt"));

            assertThat(discover(overHttps(), f -> {})).containsExactlyElementsOf(FLEET);
        }

        @Test
        void trustsAnSslCaFile() throws IOException {
            assertThat(discover(overHttps("ssl_ca_file '" + certs.certPem + "'"), f -> {}))
                    .containsExactlyElementsOf(FLEET);
        }

        @Test
        void saysWhereToPutAnUntrustedServersCertificate() throws IOException {
            DiscoveryMethod method = overHttps();

            assertThatThrownBy(() -> discover(method, f -> {}))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessageStartingWith("Cannot verify the Chef server " + tls.url() + "'s certificate (")
                    .hasMessageEndingWith("): put its CA in " + knifeDir.resolve("trusted_certs")
                            + " (knife ssl fetch does) or name it in ssl_ca_file");
        }

        @Test
        void checksNothingWithVerifyNone() throws IOException {
            assertThat(discover(overHttps("ssl_verify_mode :verify_none"), f -> {}))
                    .containsExactlyElementsOf(FLEET);
        }
    }
}
