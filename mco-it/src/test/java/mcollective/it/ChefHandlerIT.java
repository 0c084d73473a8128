package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.chef.ChefFactSource;
import mcollective.config.Config;
import mcollective.matcher.ClassesFile;
import mcollective.matcher.FilterEvaluator;
import mcollective.plugin.PluginRegistry;
import mcollective.plugins.facts.YamlFactSource;
import mcollective.protocol.Filter;
import mcollective.spi.NodeView;
import mcollective.spi.PluginContext;
import mcollective.testkit.ChefServerStub;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.NodeSpec;
import mcollective.testkit.fleet.WithFleet;

/**
 * etc/chef/mcollective_handler.rb run by the system Ruby as chef-client would run it (a stub {@code Chef::Handler},
 * the node document of {@link ChefServerStub#SAMPLE_NODE}), and the files it writes read by a Java node through
 * {@code plugin.yaml} and {@code classesfile}. Fails, never skips, without {@code /usr/bin/ruby}.
 */
class ChefHandlerIT {
    private static final Path RUBY = Path.of("/usr/bin/ruby");
    private static final String NODE = ChefServerStub.SAMPLE_NODE;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path classes;
    Path facts;
    Map<String, Object> node;

    @BeforeAll
    static void requireRuby() {
        assertThat(Files.isExecutable(RUBY))
                .as(RUBY + " is missing: the Chef handler is Ruby; install Debian's ruby "
                        + "(bin/setup installs it with mcollective)")
                .isTrue();
    }

    @BeforeEach
    void paths() {
        classes = dir.resolve("chefnode.txt");
        facts = dir.resolve("facts.yaml");
        node = ChefServerStub.sampleNode();
    }

    private static Path repoFile(String name) {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("etc/chef"))) {
            root = root.getParent();
        }
        assertThat(root)
                .as("a directory containing etc/chef above the working directory")
                .isNotNull();
        return root.resolve(name);
    }

    /** Runs ruby and returns its stdout; a non-zero exit fails the test with everything it printed. */
    private static String ruby(String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Stream.concat(Stream.of(RUBY.toString()), Stream.of(args))
                        .toList())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ruby finished").isTrue();
        assertThat(process.exitValue())
                .as("ruby " + String.join(" ", args) + ":\n" + output)
                .isZero();
        return output;
    }

    /** The handler's {@code report} for {@link #node}, with these constructor options. */
    private void runHandler(Map<String, Object> options) throws Exception {
        Map<String, Object> all =
                new LinkedHashMap<>(Map.of("classesfile", classes.toString(), "factsfile", facts.toString()));
        all.putAll(options);
        Path nodeJson = dir.resolve("node.json");
        Path optionsJson = dir.resolve("options.json");
        JSON.writeValue(nodeJson.toFile(), node);
        JSON.writeValue(optionsJson.toFile(), all);
        ruby(
                driver().toString(),
                repoFile("etc/chef/mcollective_handler.rb").toString(),
                nodeJson.toString(),
                optionsJson.toString());
    }

    private Path driver() throws URISyntaxException {
        return Path.of(getClass().getResource("/chef-handler/run_handler.rb").toURI());
    }

    private Map<String, Object> yamlFacts() {
        return new YamlFactSource(List.of(facts), Duration.ofSeconds(300), Clock.systemUTC()).facts();
    }

    private NodeView javaNode() {
        YamlFactSource factSource = new YamlFactSource(List.of(facts), Duration.ofSeconds(300), Clock.systemUTC());
        ClassesFile classesFile = new ClassesFile(classes);
        return new NodeView() {
            @Override
            public String identity() {
                return NODE;
            }

            @Override
            public Map<String, Object> facts() {
                return factSource.facts();
            }

            @Override
            public List<String> classes() {
                return classesFile.classes();
            }

            @Override
            public List<String> agents() {
                return List.of("rpcutil");
            }
        };
    }

    private static boolean passes(NodeView view, Filter.Builder filter) {
        return new FilterEvaluator().evaluate(filter.build(), view).passed();
    }

    @Test
    void shouldWriteTheExpandedRolesAndRecipesWithDefaultRecipesNormalised() throws Exception {
        runHandler(Map.of("loaded_recipes", List.of("apt", "ntp::default")));

        assertThat(Files.readString(classes))
                .isEqualTo(String.join(
                        "\n",
                        "recipe.apt::default",
                        "recipe.chef-client::config",
                        "recipe.chef-client::service",
                        "recipe.jenkins::server",
                        "recipe.mcollective::default",
                        "recipe.ntp::default",
                        "recipe.omnibus_updater::default",
                        "recipe.openssh::default",
                        "role.base",
                        "role.chef-client-11",
                        ""));
    }

    @Test
    void shouldWriteTheEnvironmentAndWhitelistedAttributesAsStringFacts() throws Exception {
        runHandler(Map.of());

        assertThat(yamlFacts())
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("chef_environment", "dev"),
                        Map.entry(
                                "chef_packages.chef.chef_root",
                                "/opt/chef/embedded/lib/ruby/gems/1.9.1/gems/chef-11.4.0/lib"),
                        Map.entry("chef_packages.chef.version", "11.4.0"),
                        Map.entry(
                                "chef_packages.ohai.ohai_root",
                                "/opt/chef/embedded/lib/ruby/gems/1.9.1/gems/ohai/lib/ohai"),
                        Map.entry("chef_packages.ohai.version", "6.16.0"),
                        Map.entry("cpu.0.mhz", "2400.000"),
                        Map.entry("cpu.0.model_name", "QEMU Virtual CPU version 1.0"),
                        Map.entry("cpu.0.vendor_id", "GenuineIntel"),
                        Map.entry("cpu.real", "4"),
                        Map.entry("cpu.total", "4"),
                        Map.entry("domain", "nat0.cryptocracy.com"),
                        Map.entry("fqdn", NODE),
                        Map.entry("hostname", "ci"),
                        Map.entry("ipaddress", "192.168.100.15"),
                        Map.entry("macaddress", "52:54:00:12:34:15"),
                        Map.entry("memory.free", "1352000kB"),
                        Map.entry("memory.total", "4056000kB"),
                        Map.entry("ohai_time", "1364990700.5"),
                        Map.entry("os", "linux"),
                        Map.entry("os_version", "3.2.0-40-generic"),
                        Map.entry("platform", "ubuntu"),
                        Map.entry("platform_version", "12.04"),
                        Map.entry("uptime_seconds", "692434"),
                        Map.entry("virtualization.role", "guest"),
                        Map.entry("virtualization.system", "kvm")));
    }

    @Test
    void shouldListSkippedAttributesOnlyWhenAsked() throws Exception {
        runHandler(Map.of("blocked_facts", true, "fact_whitelist", List.of("hostname", "cpu.total")));

        assertThat(yamlFacts())
                .containsOnlyKeys(
                        "chef_environment",
                        "hostname",
                        "cpu.total",
                        "blocked.fqdn",
                        "blocked.domain",
                        "blocked.ipaddress",
                        "blocked.macaddress",
                        "blocked.os",
                        "blocked.os_version",
                        "blocked.platform",
                        "blocked.platform_version",
                        "blocked.platform_family",
                        "blocked.lsb",
                        "blocked.kernel",
                        "blocked.memory",
                        "blocked.virtualization",
                        "blocked.chef_packages",
                        "blocked.languages",
                        "blocked.uptime_seconds",
                        "blocked.ohai_time",
                        "blocked.roles",
                        "blocked.recipes")
                .containsEntry("blocked.lsb", "true");
    }

    @Test
    void shouldReplaceTheFilesOnlyWhenTheirContentChanges() throws Exception {
        runHandler(Map.of());
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(classes, old);
        Files.setLastModifiedTime(facts, old);

        runHandler(Map.of());
        assertThat(Files.getLastModifiedTime(classes)).isEqualTo(old);
        assertThat(Files.getLastModifiedTime(facts)).isEqualTo(old);

        node.put("chef_environment", "prod");
        runHandler(Map.of());
        assertThat(Files.getLastModifiedTime(classes)).isEqualTo(old);
        assertThat(Files.getLastModifiedTime(facts)).isNotEqualTo(old);
        assertThat(yamlFacts()).containsEntry("chef_environment", "prod");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void shouldOfferThePureFunctionsWithoutChef() throws Exception {
        String out = ruby(
                "-e",
                "load ARGV[0]; "
                        + "puts MCollective::ChefFacts.classes(%w[web base], %w[nginx apache2::mod_ssl nginx::default "
                        + "php@5.4.0]).join(' '); puts defined?(MCollective::ChefHandler).inspect",
                repoFile("etc/chef/mcollective_handler.rb").toString());

        assertThat(out.lines())
                .containsExactly(
                        "recipe.apache2::mod_ssl recipe.nginx::default recipe.php::default role.base role.web", "nil");
    }

    @Test
    void shouldLetAJavaNodeMatchTheWrittenClassesAndFacts() throws Exception {
        runHandler(Map.of());
        NodeView view = javaNode();

        for (String member : List.of(
                "role.base",
                "role.chef-client-11",
                "recipe.jenkins::server",
                "recipe.ntp::default",
                "/^recipe\\.chef-client::/")) {
            assertThat(passes(view, Filter.builder().addClass(member)))
                    .as(member)
                    .isTrue();
        }
        assertThat(passes(view, Filter.builder().addClass("role.web"))).isFalse();
        for (String fact : List.of("chef_environment=dev", "macaddress=52:54:00:12:34:15", "cpu.total>=4")) {
            assertThat(passes(view, Filter.builder().addFact(fact))).as(fact).isTrue();
        }
        assertThat(passes(view, Filter.builder().addFact("chef_environment=prod")))
                .isFalse();
    }

    @Test
    @WithFleet
    void shouldBeFoundByMcoFindThroughClassesfileAndPluginYaml(Fleet fleet) throws Exception {
        runHandler(Map.of());
        fleet.start(NodeSpec.java(NODE).factsFile(facts).classesFile(classes));

        assertThat(fleet.mco("find", "-C", "role.base", "-C", "recipe.jenkins::server", "-F", "chef_environment=dev")
                        .lines())
                .containsExactly(NODE);
    }

    @Test
    void shouldAgreeWithTheChefFactSourceOnEveryFactItWrites() throws Exception {
        runHandler(Map.of());
        try (ChefServerStub chef = ChefServerStub.start("").node(node)) {
            chef.writeClientKey(dir.resolve("client.pem"));
            Path clientRb = Files.writeString(
                    dir.resolve("client.rb"),
                    "chef_server_url '" + chef.url() + "'\n" + "client_key '" + dir.resolve("client.pem") + "'\n");
            ChefFactSource source = new ChefFactSource();
            source.init(new PluginContext(
                            Config.builder()
                                    .environment(Map.of())
                                    .set("identity", NODE)
                                    .set("plugin.chef.knife_config", clientRb.toString())
                                    .build(),
                            "node",
                            PluginRegistry.builder().autoDiscover(false).build(),
                            Clock.systemUTC(),
                            Map.of(),
                            Map.of())
                    .forPlugin("chef"));

            assertThat(source.facts()).containsAllEntriesOf(yamlFacts());
        }
    }
}
