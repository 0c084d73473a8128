package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import mcollective.client.Discoverer;
import mcollective.testkit.ChefServerStub;
import mcollective.testkit.ChefServerStub.Reply;
import mcollective.testkit.LogCapture;
import mcollective.testkit.McoResult;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.FleetNode;
import mcollective.testkit.fleet.WithFleet;

/**
 * {@code --dm chef} against a Chef search API served in the test ({@link ChefServerStub}, which checks every
 * request's signature and answers 401 otherwise, as a real server does): it pages by {@code start}/{@code rows} and
 * records the queries. Two of the three Chef nodes run as Java nodes, so the third shows up under {@code No response from:}.
 */
@WithFleet(
        nodes = {
            @FleetNode(value = "web1.example.net", facts = "chef_environment=prod", classes = "role.web"),
            @FleetNode(value = "web2.example.net", facts = "chef_environment=dev", classes = "role.web")
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChefDiscoveryIT {
    Fleet fleet;
    Path dir;
    ChefServerStub chef;
    final List<String> queries = new CopyOnWriteArrayList<>();
    final List<String> chefNodes = new ArrayList<>(List.of("web1.example.net", "web2.example.net", "db1.example.net"));
    Path cfg;

    @BeforeAll
    void start() throws Exception {
        dir = fleet.dir();
        chef = ChefServerStub.start("/organizations/acme").route("/search/node", this::search);
        chef.writeClientKey(dir.resolve("mco-discovery.pem"));
        Path knife = Files.writeString(
                dir.resolve("knife.rb"),
                "node_name \"mco-discovery\"\n"
                        + "client_key \"#{current_dir}/mco-discovery.pem\"\n"
                        + "chef_server_url \"" + chef.url() + "/\"\n");
        cfg = fleet.clientConfig("chef.cfg", "plugin.chef.knife_config = " + knife);
    }

    @AfterAll
    void stop() {
        chef.close();
    }

    /** Whole nodes for a GET; for a partial search (POST), the name and, when asked for, the fqdn as identity. */
    private Reply search(ChefServerStub.Received request) {
        Map<String, String> params = request.query();
        boolean partial = request.method().equals("POST");
        queries.add(params.get("q"));
        if (params.get("q").contains("recipe:foo::bar")) {
            return new Reply(400, Map.of("error", List.of("invalid search query: 'recipe:foo::bar'")));
        }
        List<String> matching = params.get("q").equals("*:*")
                ? chefNodes
                : chefNodes.stream()
                        .filter(n -> !params.get("q").contains("role:web") || n.startsWith("web"))
                        .toList();
        int begin = Integer.parseInt(params.get("start"));
        int rows = Integer.parseInt(params.get("rows"));
        List<Object> page = new ArrayList<>();
        for (String name :
                matching.subList(Math.min(begin, matching.size()), Math.min(begin + rows, matching.size()))) {
            if (partial) {
                page.add(Map.of(
                        "url",
                        chef.url() + "/nodes/" + name,
                        "data",
                        request.text().contains("identity")
                                ? Map.of("name", name, "identity", "fqdn-" + name)
                                : Map.of("name", name)));
            } else {
                page.add(Map.of("name", name, "chef_type", "node", "automatic", Map.of("fqdn", "fqdn-" + name)));
            }
        }
        return new Reply(200, Map.of("rows", page, "start", begin, "total", matching.size()));
    }

    @Test
    void shouldFindTheNodesChefKnowsWithASignedSearch() {
        McoResult run = fleet.mco(cfg, "find", "--dm", "chef", "-C", "role[web]");

        assertThat(run.err()).isEmpty();
        assertThat(run.lines()).containsExactly("web1.example.net", "web2.example.net");
        assertThat(queries).contains("role:web");
    }

    @Test
    void shouldReportChefKnownNodesThatDidNotAnswer() {
        McoResult run = fleet.mco(cfg, "facts", "chef_environment", "--dm", "chef", "-t", "3");

        assertThat(run.out())
                .contains("Finished processing 2 / 3 hosts")
                .contains("No response from:")
                .contains("db1.example.net");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void shouldReadEveryPage() {
        List<String> saved = new ArrayList<>(chefNodes);
        try {
            for (int i = 0; i < 2500; i++) {
                chefNodes.add(String.format("extra%04d.example.net", i));
            }
            McoResult run = fleet.mco(cfg, "find", "--dm", "chef");
            assertThat(run.lines()).hasSize(2503);
        } finally {
            chefNodes.clear();
            chefNodes.addAll(saved);
        }
    }

    @Test
    void shouldExplainARefusedKeyAndABadQueryInOneLine() {
        Path wrong = ChefServerStub.writeUnknownKey(dir.resolve("wrong.pem"));
        Path wrongCfg = fleet.clientConfig(
                "wrong.cfg",
                "plugin.chef.knife_config = " + dir.resolve("knife.rb"),
                "plugin.chef.client_key = " + wrong);

        McoResult refused = fleet.mco(wrongCfg, "find", "--dm", "chef");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .contains("The Chef server refused client 'mco-discovery' with key " + wrong
                        + " (HTTP 401): Failed to authenticate as mco-discovery");

        McoResult bad = fleet.mco(cfg, "find", "--dm", "chef", "--do", "recipe:foo::bar");
        assertThat(bad.err()).contains("The Chef server rejected the query '(recipe:foo::bar)': invalid search query");
    }

    @Test
    void shouldUseAnAttributeAsIdentityWhenAsked() {
        Path attrCfg = fleet.clientConfig(
                "attr.cfg",
                "plugin.chef.knife_config = " + dir.resolve("knife.rb"),
                "plugin.chef.identity_attribute = fqdn");

        assertThat(fleet.mco(attrCfg, "find", "--dm", "chef", "-I", "/db/").lines())
                .containsExactly("fqdn-db1.example.net");
    }

    @Test
    void shouldSayThatAgentFiltersAreIgnored() {
        try (LogCapture log = LogCapture.of(Discoverer.class)) {
            McoResult run = fleet.mco(cfg, "find", "--dm", "chef", "-C", "role[web]", "-A", "nginx");

            assertThat(run.lines()).containsExactly("web1.example.net", "web2.example.net");
            assertThat(log.lines())
                    .containsExactly("WARN The chef discovery method ignores agent filters (nginx);"
                            + " nodes without the agent will not answer");
        }
    }

    @Test
    void shouldSwitchToBroadcastDiscoveryForCompoundFilters() {
        int searches = queries.size();

        try (LogCapture log = LogCapture.of(Discoverer.class)) {
            McoResult run = fleet.mco(cfg, "find", "--dm", "chef", "-S", "chef_environment=prod", "--dt", "2");

            assertThat(run.lines()).containsExactly("web1.example.net");
            assertThat(log.lines())
                    .containsExactly("WARN Switching to mc discovery method because compound filters are used");
            assertThat(queries).hasSize(searches);
        }
    }
}
