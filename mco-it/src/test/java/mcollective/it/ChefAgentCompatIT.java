package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import mcollective.testkit.McoResult;
import mcollective.testkit.RubyEnvironment;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.FleetNode;
import mcollective.testkit.fleet.NodeKind;
import mcollective.testkit.fleet.NodeSpec;
import mcollective.testkit.fleet.WithFleet;

/**
 * The chef agent's DDL, read by Ruby's own DDL code, and its replies, printed by Ruby's {@code mco}: the Ruby client
 * with {@code ddl/agent/chef.ddl} on its libdir prints what the Java {@code mco} prints for the chef agent of two Java
 * nodes (one chef-client running, one stopped, neither with a pidfile), in a fleet with a Ruby node that has no chef
 * agent.
 */
@WithFleet(
        nodes =
                @FleetNode(
                        value = "node2.example.net",
                        kind = NodeKind.RUBY,
                        facts = "platform=ubuntu",
                        classes = "role.base"))
class ChefAgentCompatIT {
    static Fleet fleet;
    static Path rubyClient;

    @BeforeAll
    static void start() throws IOException {
        System.setProperty("mco.program", RubyEnvironment.MCO.toString());
        chefNode("node1.example.net", 0);
        chefNode("node3.example.net", 3);
        Path libdir = fleet.dir().resolve("ruby-lib");
        Files.createDirectories(libdir.resolve("mcollective/agent"));
        Files.copy(repositoryDdl(), libdir.resolve("mcollective/agent/chef.ddl"));
        rubyClient = fleet.rubyClientConfig("chef.cfg", "libdir = " + libdir);
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

    static void chefNode(String identity, int statusCode) throws IOException {
        Path init = fleet.dir().resolve("init-" + identity);
        ExternalAgents.script(init, "#!/bin/sh\n[ \"$1\" = status ] && exit " + statusCode + "\necho \"$1 done\"\n");
        fleet.start(NodeSpec.java(identity)
                .fact("platform", "centos")
                .classes("role.base")
                .setting("plugin.chef.activate_agent", "1")
                .setting("plugin.chef.client-initscript", init.toString())
                .setting(
                        "plugin.chef.client-pidfile",
                        fleet.dir().resolve("no-such-" + identity + ".pid").toString()));
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
        BothMco both = BothMco.run(fleet, rubyClient, command.split(" "));
        McoResult ruby = both.ruby();
        McoResult java = both.java();

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
