package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import mcollective.testkit.StandInChefClient;

/**
 * The chef agent on Java nodes over the embedded broker, driven by {@code mco rpc chef ...} and {@code mco chef ...}:
 * each node has a stand-in chef-client daemon that records {@code USR1}, and an init script stand-in whose
 * {@code status} exit code differs per node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChefAgentIT {
    @TempDir
    static Path dir;

    JavaFleet fleet;
    String cfg;
    final Map<String, StandInChefClient> daemons = new LinkedHashMap<>();

    @BeforeAll
    void start() throws IOException {
        fleet = new JavaFleet(dir);
        fleet.startBroker(0);
        chefNode("db1.example.net", "role.db", 0, Duration.ofMillis(200));
        chefNode("db2.example.net", "role.db", 1, Duration.ofMillis(200));
        chefNode("web1.example.net", "role.web", 3, Duration.ofSeconds(3));
        fleet.startNode("plain.example.net", Map.of(), List.of("role.db"), List.of("mcollective"));
        cfg = fleet.clientConfig("client.cfg").toString();
    }

    void chefNode(String identity, String role, int statusCode, Duration runTime) throws IOException {
        StandInChefClient daemon = StandInChefClient.start(dir.resolve("chef-" + identity), runTime);
        daemons.put(identity, daemon);
        Path init = dir.resolve("init-" + identity);
        Files.writeString(
                init,
                "#!/bin/sh\ncase \"$1\" in\n  status) exit " + statusCode + ";;\n"
                        + "  restart) echo \"Restarting chef-client\"; exit 0;;\n  *) echo \"unknown $1\" >&2; exit 2;;\nesac\n");
        Files.setPosixFilePermissions(init, PosixFilePermissions.fromString("rwxr-xr-x"));
        fleet.startNode(
                identity,
                Map.of(),
                List.of(role),
                List.of("mcollective"),
                Map.of(
                        "plugin.chef.activate_agent", "1",
                        "plugin.chef.client-pidfile", daemon.pidfile().toString(),
                        "plugin.chef.client-lockfile", daemon.lockfile().toString(),
                        "plugin.chef.client-initscript", init.toString()));
    }

    @AfterAll
    void stop() {
        daemons.values().forEach(StandInChefClient::close);
        fleet.close();
    }

    @Test
    void wakeDaemonWakesTheChefClientsOfTheNodesInTheClass() {
        int db1 = daemons.get("db1.example.net").wakeUps();
        int db2 = daemons.get("db2.example.net").wakeUps();
        int web1 = daemons.get("web1.example.net").wakeUps();

        McoRun run = McoRun.run("rpc", "chef", "wake_daemon", "-C", "role.db", "-c", cfg);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Finished processing 2 / 2 hosts");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> daemons.get("db1.example.net").wakeUps() == db1 + 1
                        && daemons.get("db2.example.net").wakeUps() == db2 + 1);
        assertThat(daemons.get("web1.example.net").wakeUps()).isEqualTo(web1);
    }

    @Test
    void statusReportsEachOfTheThreeStates() {
        McoRun run = McoRun.run("chef", "status", "-c", cfg);

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

        CompletableFuture<McoRun> first =
                CompletableFuture.supplyAsync(() -> McoRun.run("chef", "wake", "-I", "web1.example.net", "-c", cfg));
        CompletableFuture<McoRun> second =
                CompletableFuture.supplyAsync(() -> McoRun.run("chef", "wake", "-I", "web1.example.net", "-c", cfg));
        String both = first.join().out() + second.join().out();

        assertThat(both.lines().map(String::strip).toList())
                .containsOnlyOnce("woken = 1")
                .containsAnyOf("already running = 1", "already woken = 1");
        await().atMost(Duration.ofSeconds(10)).until(() -> !web1.running());
        assertThat(web1.wakeUps()).isEqualTo(before + 1);
    }

    @Test
    void restartReturnsTheInitScriptsOutput() {
        McoRun run = McoRun.run("chef", "restart", "-I", "db1.example.net", "-c", cfg, "--display", "all");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("stdout: Restarting chef-client").contains("exitcode: 0");
    }

    @Test
    void aNodeWithoutTheAgentActivatedIsNotDiscovered() {
        McoRun run = McoRun.run("find", "-A", "chef", "-c", cfg);

        assertThat(run.out().lines().sorted().toList())
                .containsExactly("db1.example.net", "db2.example.net", "web1.example.net");
    }

    @Test
    void refusesAnUnknownActionNamingIt() {
        McoRun run = McoRun.run("chef", "reboot", "-c", cfg);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Action must be one of status, stop, start, restart, or wake, not 'reboot'");
    }
}
