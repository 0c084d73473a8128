package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import mcollective.testkit.FleetConfig;
import mcollective.testkit.RubyEnvironment;
import mcollective.testkit.RubyMco;
import mcollective.testkit.RubyNode;

/**
 * The chef agent's DDL, read by Ruby's own DDL code, and its replies, printed by Ruby's {@code mco}: the Ruby client
 * with {@code ddl/agent/chef.ddl} on its libdir prints what the Java {@code mco} prints for the chef agent of two Java
 * nodes (one chef-client running, one stopped, neither with a pidfile), in a fleet with a Ruby node that has no chef
 * agent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChefAgentCompatIT {
    @TempDir
    static Path dir;

    JavaFleet fleet;
    RubyNode rubyNode;
    Path rubyClient;
    String javaClient;

    @BeforeAll
    void start() throws IOException {
        RubyEnvironment.require();
        System.setProperty("mco.program", RubyEnvironment.MCO.toString());
        fleet = new JavaFleet(dir);
        chefNode("node1.example.net", 0);
        chefNode("node3.example.net", 3);
        FleetConfig config = new FleetConfig(
                fleet.port(), JavaFleet.USER, JavaFleet.PASSWORD, JavaFleet.PSK, List.of("mcollective"));
        rubyNode = RubyNode.start(
                config,
                dir.resolve("node2"),
                "node2.example.net",
                Map.of("platform", "ubuntu"),
                List.of("role.base"),
                List.of("mcollective"));
        Path libdir = dir.resolve("ruby-lib");
        Files.createDirectories(libdir.resolve("mcollective/agent"));
        Files.copy(repositoryDdl(), libdir.resolve("mcollective/agent/chef.ddl"));
        rubyClient = config.writeClient(dir.resolve("ruby/client.cfg"), List.of("libdir = " + libdir));
        javaClient = fleet.clientConfig("java.cfg").toString();
    }

    static Path repositoryDdl() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path ddl = at.resolve("ddl/agent/chef.ddl");
            if (Files.isRegularFile(ddl)) {
                return ddl;
            }
        }
        throw new IllegalStateException(
                "ddl/agent/chef.ddl is missing above " + Path.of("").toAbsolutePath());
    }

    void chefNode(String identity, int statusCode) throws IOException {
        Path init = dir.resolve("init-" + identity);
        Files.writeString(init, "#!/bin/sh\n[ \"$1\" = status ] && exit " + statusCode + "\necho \"$1 done\"\n");
        Files.setPosixFilePermissions(init, PosixFilePermissions.fromString("rwxr-xr-x"));
        fleet.startNode(
                identity,
                Map.of("platform", "centos"),
                List.of("role.base"),
                List.of("mcollective"),
                Map.of(
                        "plugin.chef.activate_agent",
                        "1",
                        "plugin.chef.client-initscript",
                        init.toString(),
                        "plugin.chef.client-pidfile",
                        dir.resolve("no-such-" + identity + ".pid").toString()));
    }

    @AfterAll
    void stop() {
        if (rubyNode != null) {
            rubyNode.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    /** Something each command must show, so that two empty outputs do not pass for agreement. */
    static final Map<String, String> SHOWS = Map.of(
            "rpc chef status --dt 1", "Summary of Status:",
            "rpc chef status --dt 1 --display all", "Stopped",
            "rpc chef wake_daemon --dt 1", "no-such-node1.example.net.pid not found.",
            "rpc chef restart -I node1.example.net", "Finished processing 1 / 1 hosts",
            "rpc chef status -j -I node3.example.net", "\"status\":\"Stopped\"",
            "rpc chef nosuch --dt 1", "Attempted to call action nosuch for chef but it's not declared in the DDL",
            "plugin doc agent/chef", "Nudge a daemonised chef-client into running now");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rpc chef status --dt 1",
                "rpc chef status --dt 1 --display all",
                "rpc chef wake_daemon --dt 1",
                "rpc chef restart -I node1.example.net",
                "rpc chef status -j -I node3.example.net",
                "rpc chef nosuch --dt 1",
                "plugin doc agent/chef",
            })
    void rubysMcoPrintsWhatJavasPrints(String command) {
        String[] args = command.split(" ");
        RubyMco.Result ruby = RubyMco.run(rubyClient, Duration.ofSeconds(60), args);
        String[] javaArgs = Arrays.copyOf(args, args.length + 2);
        javaArgs[args.length] = "-c";
        javaArgs[args.length + 1] = javaClient;
        McoRun java = McoRun.run(javaArgs);

        assertThat(java.exitCode())
                .as("exit code of " + command + "\n" + ruby.err())
                .isEqualTo(ruby.exitCode());
        assertThat(java.out() + java.err()).as("what %s shows", command).contains(SHOWS.get(command));
        assertThat(SameOutputCompatIT.normalise(java.out()))
                .as("stdout of " + command + "\n--- java:\n" + java.out() + "\n--- ruby:\n" + ruby.out())
                .isEqualTo(SameOutputCompatIT.normalise(ruby.out()));
        if (!command.startsWith("plugin")) {
            assertThat(SameOutputCompatIT.normalise(java.err()))
                    .as("stderr of " + command)
                    .isEqualTo(SameOutputCompatIT.normalise(ruby.err()));
        }
    }
}
