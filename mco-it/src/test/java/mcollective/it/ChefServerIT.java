package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import mcollective.chef.ChefApi;
import mcollective.chef.KnifeConfig;
import mcollective.config.Config;
import mcollective.testkit.ChefServerStub;
import mcollective.testkit.Goiardi;
import mcollective.testkit.McoResult;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.FleetNode;
import mcollective.testkit.fleet.NodeSpec;
import mcollective.testkit.fleet.WithFleet;

/**
 * {@code --dm chef} against a real Chef server, Debian's goiardi with authentication on, loaded with the reference
 * fleet of reference/CHEF.md (seven nodes; {@code centos6} reaches {@code base} only through a nested role): real search
 * semantics, real signature checks for every protocol, and the non-responder report with two of the nodes running.
 */
@WithFleet(
        nodes = {
            @FleetNode(
                    value = "monitoring.nat0.cryptocracy.com",
                    facts = "chef_environment=prod",
                    classes = "role.base"),
            @FleetNode(value = "ci.nat0.cryptocracy.com", facts = "chef_environment=dev", classes = "role.base")
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChefServerIT {
    /** A node of the reference fleet, as the Chef server knows it. */
    record ChefNode(
            String name, String env, String platform, String chefVersion, List<String> runList, List<String> roles) {
        ChefNode(String name, String env, String platform, String chefVersion, String runList, String roles) {
            this(name, env, platform, chefVersion, List.of(runList.split(" ")), List.of(roles.split(" ")));
        }
    }

    static final List<ChefNode> CHEF_NODES = List.of(
            new ChefNode(
                    "illuminati.cryptocracy.com",
                    "prod",
                    "ubuntu",
                    "10.24.0",
                    "role[base] recipe[nginx] recipe[postfix]",
                    "base"),
            new ChefNode(
                    "monitoring.nat0.cryptocracy.com",
                    "prod",
                    "ubuntu",
                    "11.4.0",
                    "role[base] role[chef-client-11] recipe[graphite] recipe[nagios::server]",
                    "base chef-client-11"),
            new ChefNode(
                    "mco-x509.nat0.cryptocracy.com",
                    "mcollective-dev",
                    "ubuntu",
                    "10.24.0",
                    "role[base] recipe[activemq] recipe[mcollective::server] recipe[mcollective::client]",
                    "base"),
            new ChefNode("test-precise.nat0.cryptocracy.com", "dev", "ubuntu", "10.24.0", "role[base]", "base"),
            new ChefNode(
                    "chef-11.nat0.cryptocracy.com",
                    "dev",
                    "ubuntu",
                    "11.4.0",
                    "role[base] role[chef-client-11] recipe[chef-server]",
                    "base chef-client-11"),
            new ChefNode(
                    "ci.nat0.cryptocracy.com",
                    "dev",
                    "ubuntu",
                    "11.4.0",
                    "role[base] role[chef-client-11] recipe[jenkins::server]",
                    "base chef-client-11"),
            new ChefNode(
                    "test-centos6.nat0.cryptocracy.com",
                    "mcollective-dev",
                    "centos",
                    "10.24.0",
                    "role[centos6]",
                    "centos6 base"));

    Fleet fleet;
    Goiardi chef;
    Path cfg;

    @BeforeAll
    void start() throws IOException {
        Path dir = fleet.dir();
        chef = Goiardi.start(dir.resolve("goiardi"));
        ChefApi admin = ChefApi.connect(
                new KnifeConfig(
                        chef.url(), "admin", chef.adminKey(), false, Optional.empty(), dir.resolve("trusted_certs")),
                Config.builder().build().plugin("chef"));
        for (String env : List.of("prod", "dev", "mcollective-dev")) {
            admin.post(
                    "/environments",
                    Map.of(
                            "name",
                            env,
                            "json_class",
                            "Chef::Environment",
                            "chef_type",
                            "environment",
                            "description",
                            env,
                            "cookbook_versions",
                            Map.of(),
                            "default_attributes",
                            Map.of(),
                            "override_attributes",
                            Map.of()));
        }
        CHEF_NODES.forEach(node -> admin.post("/nodes", document(node)));
        // A node that takes its facts from the Chef server, signing as its own Chef client.
        Object key = admin.post("/clients", Map.of("name", "illuminati.cryptocracy.com", "admin", false))
                .get("private_key");
        Path clientKey = Files.writeString(dir.resolve("illuminati.pem"), String.valueOf(key));
        fleet.start(NodeSpec.java("illuminati.cryptocracy.com")
                .setting("factsource", "chef")
                .setting("plugin.chef.server_url", chef.url())
                .setting("plugin.chef.client_key", clientKey.toString())
                .setting("plugin.chef.fact_whitelist", "platform,chef_packages"));
        cfg = client("chef.cfg");
    }

    Path client(String name, String... lines) {
        List<String> all = new ArrayList<>(List.of(
                "plugin.chef.server_url = " + chef.url(),
                "plugin.chef.node_name = admin",
                "plugin.chef.client_key = " + chef.adminKey()));
        all.addAll(List.of(lines));
        return fleet.clientConfig(name, all.toArray(String[]::new));
    }

    static Map<String, Object> document(ChefNode chefNode) {
        String name = chefNode.name();
        Map<String, Object> automatic = new LinkedHashMap<>();
        automatic.put("fqdn", name);
        automatic.put("hostname", name.substring(0, name.indexOf('.')));
        automatic.put("platform", chefNode.platform());
        automatic.put("platform_family", chefNode.platform().equals("centos") ? "rhel" : "debian");
        automatic.put("roles", chefNode.roles());
        automatic.put("recipes", List.of("ntp"));
        automatic.put("chef_packages", Map.of("chef", Map.of("version", chefNode.chefVersion())));
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", name);
        node.put("chef_environment", chefNode.env());
        node.put("json_class", "Chef::Node");
        node.put("chef_type", "node");
        node.put("run_list", chefNode.runList());
        node.put("normal", Map.of());
        node.put("default", Map.of());
        node.put("override", Map.of());
        node.put("automatic", automatic);
        return node;
    }

    @AfterAll
    void stop() {
        if (chef != null) {
            chef.close();
        }
    }

    List<String> find(Path config, String... filter) {
        List<String> args = new ArrayList<>(List.of("find", "--dm", "chef"));
        args.addAll(List.of(filter));
        McoResult run = fleet.mco(config, args.toArray(String[]::new));
        assertThat(run.err()).as("stderr of find %s", List.of(filter)).isEmpty();
        return run.lines().stream().sorted().toList();
    }

    @Test
    void roleTermsMatchTheRunListAndRolesTheExpandedList() {
        assertThat(find(cfg, "-C", "role[base]")).hasSize(6).doesNotContain("test-centos6.nat0.cryptocracy.com");
        assertThat(find(cfg, "-C", "role.base")).hasSize(6);
        assertThat(find(cfg, "--do", "roles:base")).hasSize(7);
    }

    @Test
    void recipesAreRunListEntriesToo() {
        assertThat(find(cfg, "-C", "role[base]", "-C", "recipe[mcollective::server]"))
                .containsExactly("mco-x509.nat0.cryptocracy.com");
        assertThat(find(cfg, "-C", "recipe[ntp]")).isEmpty();
    }

    /** goiardi's own search takes {@code name:m*} to match every name, so wildcards are left to the stand-in tests. */
    @Test
    void identitiesAndRegexes() {
        assertThat(find(cfg, "-I", "monitoring.nat0.cryptocracy.com", "-I", "ci.nat0.cryptocracy.com"))
                .containsExactly("ci.nat0.cryptocracy.com", "monitoring.nat0.cryptocracy.com");
        assertThat(find(cfg, "-I", "/^test/"))
                .containsExactly("test-centos6.nat0.cryptocracy.com", "test-precise.nat0.cryptocracy.com");
    }

    @Test
    void eachRawQueryKeepsItsMeaning() {
        // The original plugin sent `prod OR dev AND role:chef-client-11` and also found illuminati.
        assertThat(find(cfg, "--do", "chef_environment:prod OR chef_environment:dev", "-C", "role[chef-client-11]"))
                .containsExactly(
                        "chef-11.nat0.cryptocracy.com", "ci.nat0.cryptocracy.com", "monitoring.nat0.cryptocracy.com");
        assertThat(find(cfg, "--do", "chef_environment:prod AND platform_family:debian"))
                .containsExactly("illuminati.cryptocracy.com", "monitoring.nat0.cryptocracy.com");
    }

    @Test
    void factsBecomeAttributeTerms() {
        assertThat(find(cfg, "-F", "platform=centos")).containsExactly("test-centos6.nat0.cryptocracy.com");
        assertThat(find(cfg, "-F", "chef_environment=prod", "-F", "platform!=centos"))
                .containsExactly("illuminati.cryptocracy.com", "monitoring.nat0.cryptocracy.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.1", "1.3"})
    void everySigningProtocolIsAccepted(String protocol) {
        Path config = client("proto-" + protocol + ".cfg", "plugin.chef.sign_protocol = " + protocol);

        assertThat(find(config, "-C", "role[chef-client-11]")).hasSize(3);
    }

    @Test
    void wholeNodesAndAnAttributeIdentityGiveTheSameNodes() {
        Path config =
                client("whole.cfg", "plugin.chef.partial_search = false", "plugin.chef.identity_attribute = hostname");

        assertThat(find(config, "-C", "role[chef-client-11]")).containsExactly("chef-11", "ci", "monitoring");
    }

    @Test
    void aKeyTheServerDoesNotKnowIsRefusedInOneLine() {
        Path wrong = ChefServerStub.writeUnknownKey(fleet.dir().resolve("wrong.pem"));
        Path config = client("wrong.cfg", "plugin.chef.client_key = " + wrong);

        McoResult run = fleet.mco(config, "find", "--dm", "chef");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("The Chef server refused client 'admin' with key " + wrong + " (HTTP 401): ");
    }

    @Test
    void factsListTheNodesChefKnowsThatDidNotAnswer() {
        McoResult run =
                fleet.mco(cfg, "facts", "chef_environment", "--dm", "chef", "-C", "role[chef-client-11]", "-t", "2");

        assertThat(run.out())
                .contains("Finished processing 2 / 3 hosts")
                .contains("No response from:")
                .contains("chef-11.nat0.cryptocracy.com")
                .contains("prod")
                .contains("dev");
    }

    @Test
    void aNodeTakesItsFactsFromTheChefServer() {
        McoResult prod = fleet.mco(cfg, "find", "-F", "chef_environment=prod", "-F", "platform=ubuntu", "--dt", "2");
        McoResult roles = fleet.mco(
                cfg,
                "find",
                "-F",
                "run_list=recipe[nginx]",
                "-F",
                "roles=base",
                "-F",
                "chef_packages.chef.version=10.24.0",
                "--dt",
                "2");

        assertThat(prod.lines()).containsExactly("illuminati.cryptocracy.com");
        assertThat(roles.lines()).containsExactly("illuminati.cryptocracy.com");
    }
}
