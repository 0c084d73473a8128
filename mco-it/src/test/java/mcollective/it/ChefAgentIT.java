package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import mcollective.testkit.McoResult;
import mcollective.testkit.StandInChefClient;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.FleetNode;
import mcollective.testkit.fleet.NodeSpec;
import mcollective.testkit.fleet.WithFleet;

/**
 * The chef agent on Java nodes over the embedded broker, driven by {@code mco rpc chef ...} and {@code mco chef ...}:
 * each node has a stand-in chef-client daemon that records {@code USR1}, and an init script stand-in whose
 * {@code status} exit code differs per node.
 */
@WithFleet(nodes = @FleetNode(value = "plain.example.net", classes = "role.db"))
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChefAgentIT {
    Fleet fleet;
    final Map<String, StandInChefClient> daemons = new LinkedHashMap<>();

    @BeforeAll
    void start() throws IOException {
        chefNode("db1.example.net", "role.db", 0, Duration.ofMillis(200));
        chefNode("db2.example.net", "role.db", 1, Duration.ofMillis(200));
        chefNode("web1.example.net", "role.web", 3, Duration.ofSeconds(3));
    }

    void chefNode(String identity, String role, int statusCode, Duration runTime) throws IOException {
        StandInChefClient daemon = StandInChefClient.start(fleet.dir().resolve("chef-" + identity), runTime);
        daemons.put(identity, daemon);
        Path init = fleet.dir().resolve("init-" + identity);
        ExternalAgents.script(
                init,
                "#!/bin/sh\ncase \"$1\" in\n  status) exit " + statusCode + ";;\n"
                        + "  restart) echo \"Restarting chef-client\"; exit 0;;\n  *) echo \"unknown $1\" >&2; exit 2;;\nesac\n");
        fleet.start(NodeSpec.java(identity)
                .classes(role)
                .setting("plugin.chef.activate_agent", "1")
                .setting("plugin.chef.client-pidfile", daemon.pidfile().toString())
                .setting("plugin.chef.client-lockfile", daemon.lockfile().toString())
                .setting("plugin.chef.client-initscript", init.toString()));
    }

    @AfterAll
    void stop() {
        daemons.values().forEach(StandInChefClient::close);
    }

    @Test
    void wakeDaemonWakesTheChefClientsOfTheNodesInTheClass() {
        int db1 = daemons.get("db1.example.net").wakeUps();
        int db2 = daemons.get("db2.example.net").wakeUps();
        int web1 = daemons.get("web1.example.net").wakeUps();

        McoResult run = fleet.mco("rpc", "chef", "wake_daemon", "-C", "role.db");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Finished processing 2 / 2 hosts");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> daemons.get("db1.example.net").wakeUps() == db1 + 1
                        && daemons.get("db2.example.net").wakeUps() == db2 + 1);
        assertThat(daemons.get("web1.example.net").wakeUps()).isEqualTo(web1);
    }

    @Test
    void statusReportsEachOfTheThreeStates() {
        McoResult run = fleet.mco("chef", "status");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("Summary of Status:")
                .containsPattern("OK = 1")
                .containsPattern("Missing = 1")
                .containsPattern("Stopped = 1")
                .contains("Finished processing 3 / 3 hosts");
    }

    @Test
    void twoConcurrentWakeUpsStartOneRun() {
        StandInChefClient web1 = daemons.get("web1.example.net");
        await().atMost(Duration.ofSeconds(10)).until(() -> !web1.running());
        int before = web1.wakeUps();

        CompletableFuture<McoResult> first =
                CompletableFuture.supplyAsync(() -> fleet.mco("chef", "wake", "-I", "web1.example.net"));
        CompletableFuture<McoResult> second =
                CompletableFuture.supplyAsync(() -> fleet.mco("chef", "wake", "-I", "web1.example.net"));
        String both = first.join().out() + second.join().out();

        assertThat(both.lines().map(String::strip).toList())
                .containsOnlyOnce("woken = 1")
                .containsAnyOf("already running = 1", "already woken = 1");
        await().atMost(Duration.ofSeconds(10)).until(() -> !web1.running());
        assertThat(web1.wakeUps()).isEqualTo(before + 1);
    }

    @Test
    void restartReturnsTheInitScriptsOutput() {
        McoResult run = fleet.mco("chef", "restart", "-I", "db1.example.net", "--display", "all");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("stdout: Restarting chef-client").contains("exitcode: 0");
    }

    @Test
    void aNodeWithoutTheAgentActivatedIsNotDiscovered() {
        McoResult run = fleet.mco("find", "-A", "chef");

        assertThat(run.out().lines().sorted().toList())
                .containsExactly("db1.example.net", "db2.example.net", "web1.example.net");
    }

    @Test
    void refusesAnUnknownActionNamingIt() {
        McoResult run = fleet.mco("chef", "reboot");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Action must be one of status, stop, start, restart, or wake, not 'reboot'");
    }
}
