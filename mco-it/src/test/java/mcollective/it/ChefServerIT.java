package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import mcollective.chef.ChefApi;
import mcollective.chef.KnifeConfig;
import mcollective.config.Config;
import mcollective.testkit.ChefServerStub;
import mcollective.testkit.Goiardi;

/**
 * {@code --dm chef} against a real Chef server, Debian's goiardi with authentication on, loaded with the reference
 * fleet of CHEF.md (seven nodes; {@code centos6} reaches {@code base} only through a nested role): real search
 * semantics, real signature checks for every protocol, and the non-responder report with two of the nodes running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChefServerIT {
    @TempDir
    static Path dir;

    Goiardi chef;
    JavaFleet fleet;
    String cfg;

    static final List<String> BASE_RUN_LIST = List.of("role[base]");

    @BeforeAll
    void start() {
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
        node(
                admin,
                "illuminati.cryptocracy.com",
                "prod",
                "ubuntu",
                "10.24.0",
                List.of("role[base]", "recipe[nginx]", "recipe[postfix]"),
                List.of("base"));
        node(
                admin,
                "monitoring.nat0.cryptocracy.com",
                "prod",
                "ubuntu",
                "11.4.0",
                List.of("role[base]", "role[chef-client-11]", "recipe[graphite]", "recipe[nagios::server]"),
                List.of("base", "chef-client-11"));
        node(
                admin,
                "mco-x509.nat0.cryptocracy.com",
                "mcollective-dev",
                "ubuntu",
                "10.24.0",
                List.of("role[base]", "recipe[activemq]", "recipe[mcollective::server]", "recipe[mcollective::client]"),
                List.of("base"));
        node(
                admin,
                "test-precise.nat0.cryptocracy.com",
                "dev",
                "ubuntu",
                "10.24.0",
                List.of("role[base]"),
                List.of("base"));
        node(
                admin,
                "chef-11.nat0.cryptocracy.com",
                "dev",
                "ubuntu",
                "11.4.0",
                List.of("role[base]", "role[chef-client-11]", "recipe[chef-server]"),
                List.of("base", "chef-client-11"));
        node(
                admin,
                "ci.nat0.cryptocracy.com",
                "dev",
                "ubuntu",
                "11.4.0",
                List.of("role[base]", "role[chef-client-11]", "recipe[jenkins::server]"),
                List.of("base", "chef-client-11"));
        node(
                admin,
                "test-centos6.nat0.cryptocracy.com",
                "mcollective-dev",
                "centos",
                "10.24.0",
                List.of("role[centos6]"),
                List.of("centos6", "base"));

        fleet = new JavaFleet(dir);
        fleet.startBroker(0);
        fleet.startNode(
                "monitoring.nat0.cryptocracy.com",
                Map.of("chef_environment", "prod"),
                List.of("role.base"),
                List.of("mcollective"));
        fleet.startNode(
                "ci.nat0.cryptocracy.com",
                Map.of("chef_environment", "dev"),
                List.of("role.base"),
                List.of("mcollective"));
        // A node that takes its facts from the Chef server, signing as its own Chef client.
        Object key = admin.post("/clients", Map.of("name", "illuminati.cryptocracy.com", "admin", false))
                .get("private_key");
        Path clientKey = writeString(dir.resolve("illuminati.pem"), String.valueOf(key));
        fleet.startNode(
                "illuminati.cryptocracy.com",
                Map.of(),
                List.of(),
                List.of("mcollective"),
                Map.of(
                        "factsource",
                        "chef",
                        "plugin.chef.server_url",
                        chef.url(),
                        "plugin.chef.client_key",
                        clientKey.toString(),
                        "plugin.chef.fact_whitelist",
                        "platform,chef_packages"));
        cfg = client("client.cfg").toString();
    }

    static Path writeString(Path file, String text) {
        try {
            return java.nio.file.Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Path client(String name, String... lines) {
        String[] all = new String[lines.length + 3];
        all[0] = "plugin.chef.server_url = " + chef.url();
        all[1] = "plugin.chef.node_name = admin";
        all[2] = "plugin.chef.client_key = " + chef.adminKey();
        System.arraycopy(lines, 0, all, 3, lines.length);
        return fleet.clientConfig(name, all);
    }

    static void node(
            ChefApi admin,
            String name,
            String env,
            String platform,
            String chefVersion,
            List<String> runList,
            List<String> roles) {
        Map<String, Object> automatic = new LinkedHashMap<>();
        automatic.put("fqdn", name);
        automatic.put("hostname", name.substring(0, name.indexOf('.')));
        automatic.put("platform", platform);
        automatic.put("platform_family", platform.equals("centos") ? "rhel" : "debian");
        automatic.put("roles", roles);
        automatic.put("recipes", List.of("ntp"));
        automatic.put("chef_packages", Map.of("chef", Map.of("version", chefVersion)));
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", name);
        node.put("chef_environment", env);
        node.put("json_class", "Chef::Node");
        node.put("chef_type", "node");
        node.put("run_list", runList);
        node.put("normal", Map.of());
        node.put("default", Map.of());
        node.put("override", Map.of());
        node.put("automatic", automatic);
        admin.post("/nodes", node);
    }

    @AfterAll
    void stop() {
        if (fleet != null) {
            fleet.close();
        }
        if (chef != null) {
            chef.close();
        }
    }

    List<String> find(String config, String... filter) {
        String[] args = new String[filter.length + 5];
        args[0] = "find";
        args[1] = "-c";
        args[2] = config;
        args[3] = "--dm";
        args[4] = "chef";
        System.arraycopy(filter, 0, args, 5, filter.length);
        McoRun run = McoRun.run(args);
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
        String config = client("proto-" + protocol + ".cfg", "plugin.chef.sign_protocol = " + protocol)
                .toString();

        assertThat(find(config, "-C", "role[chef-client-11]")).hasSize(3);
    }

    @Test
    void wholeNodesAndAnAttributeIdentityGiveTheSameNodes() {
        String config = client(
                        "whole.cfg", "plugin.chef.partial_search = false", "plugin.chef.identity_attribute = hostname")
                .toString();

        assertThat(find(config, "-C", "role[chef-client-11]")).containsExactly("chef-11", "ci", "monitoring");
    }

    @Test
    void aKeyTheServerDoesNotKnowIsRefusedInOneLine() {
        Path wrong = ChefServerStub.writeUnknownKey(dir.resolve("wrong.pem"));
        String config = client("wrong.cfg", "plugin.chef.client_key = " + wrong).toString();

        McoRun run = McoRun.run("find", "-c", config, "--dm", "chef");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("The Chef server refused client 'admin' with key " + wrong + " (HTTP 401): ");
    }

    @Test
    void factsListTheNodesChefKnowsThatDidNotAnswer() {
        McoRun run = McoRun.run(
                "facts", "chef_environment", "-c", cfg, "--dm", "chef", "-C", "role[chef-client-11]", "-t", "2");

        assertThat(run.out())
                .contains("Finished processing 2 / 3 hosts")
                .contains("No response from:")
                .contains("chef-11.nat0.cryptocracy.com")
                .contains("prod")
                .contains("dev");
    }

    @Test
    void aNodeTakesItsFactsFromTheChefServer() {
        McoRun prod =
                McoRun.run("find", "-c", cfg, "-F", "chef_environment=prod", "-F", "platform=ubuntu", "--dt", "2");
        McoRun roles = McoRun.run(
                "find",
                "-c",
                cfg,
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
