package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import mcollective.testkit.JavaDaemon;
import mcollective.testkit.McoResult;
import mcollective.testkit.fleet.Broker;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.NodeSpec;
import mcollective.testkit.fleet.WithFleet;

/**
 * The signals of {@code runner.rb} sent with kill(1) to a real {@code bin/mcollectived}: TERM while it waits between
 * broker connection attempts, USR2 cycling the log level, USR1 reloading the agents, and TERM with
 * {@code soft_shutdown} letting a running action reply first. Each test has a fleet of its own, the daemon its only
 * node; it logs at info.
 */
class SignalsIT {
    private static final String IDENTITY = "signals.example.net";

    /** Starts the daemon, with an agent folder in its libdir, and waits until it logs {@code ready}. */
    static JavaDaemon start(Fleet fleet, String ready, String... settings) throws Exception {
        Path lib = Files.createDirectories(fleet.dir().resolve("lib/mcollective/agent"))
                .getParent()
                .getParent();
        fleet.start(NodeSpec.daemon(IDENTITY)
                .fact("platform", "signals")
                .libdir(lib)
                .settings(settings)
                .readyWhenLogged(ready));
        return fleet.daemon(IDENTITY);
    }

    /** A client that finds the agents of the daemon's libdir. */
    static Path client(Fleet fleet) {
        return fleet.clientConfig("signals.cfg", "libdir = " + fleet.dir().resolve("lib"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    @WithFleet(broker = Broker.NONE)
    void shouldExitZeroOnTheSignalWhileWaitingBetweenBrokerConnectionAttempts(String signal, Fleet fleet)
            throws Exception {
        // ready at the connector's first attempt, refused at once as nothing listens on the fleet's port
        JavaDaemon daemon = start(
                fleet,
                "127.0.0.1:" + fleet.port(),
                "plugin.activemq.initial_reconnect_delay = 20",
                "plugin.activemq.max_reconnect_delay = 60");
        TimeUnit.MILLISECONDS.sleep(500);
        assertThat(daemon.pidfile()).hasContent(Long.toString(daemon.pid()));
        assertThat(daemon.ignores(signal))
                .as(
                        "SIG%s is ignored by whatever started the tests (a background job "
                                + "of a non-interactive shell ignores INT); mcollectived, like Ruby's, then ignores it too",
                        signal)
                .isFalse();

        long sent = System.nanoTime();
        daemon.signal(signal);

        assertThat(daemon.waitFor(Duration.ofSeconds(10)))
                .as("exited after SIG%s", signal)
                .isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(5));
        assertThat(daemon.exitValue()).as(daemon.output()).isZero();
        assertThat(daemon.pidfile()).doesNotExist();
        assertThat(daemon.log()).contains("Exiting after signal: SIG" + signal).doesNotContain("\tat ");
        assertThat(daemon.log().lines()).noneMatch(line -> line.startsWith("E, "));
    }

    @Test
    @WithFleet(broker = Broker.NONE)
    void shouldCycleTheLogLevelOnSigusr2AsRubyDoes(Fleet fleet) throws Exception {
        JavaDaemon daemon = start(fleet, "Not activating agent chef");

        daemon.signal("USR2");
        daemon.awaitLog("Logging level is now WARN");
        daemon.signal("USR2");
        daemon.awaitLog("Logging level is now ERROR");
        daemon.signal("TERM");

        assertThat(daemon.waitFor(Duration.ofSeconds(10))).isTrue();
        assertThat(daemon.exitValue()).isZero();
        List<String> lines = daemon.log().lines().toList();
        // As in Ruby: the second "Cycling" line is at info, which warn no longer logs; so is "Exiting after signal"
        assertThat(lines.stream().filter(l -> l.contains("Cycling logging level due to USR2 signal")))
                .singleElement()
                .asString()
                .startsWith("I, [");
        assertThat(lines.stream().filter(l -> l.contains("Logging level is now")))
                .satisfiesExactly(
                        l -> assertThat(l).startsWith("W, [").endsWith("WARN -- : LogSetup: Logging level is now WARN"),
                        l -> assertThat(l)
                                .startsWith("E, [")
                                .endsWith("ERROR -- : LogSetup: Logging level is now ERROR"));
        assertThat(lines).noneMatch(l -> l.contains("Exiting after signal"));
    }

    @Test
    @WithFleet
    void shouldReloadAgentsOnSigusr1MakingANewExternalAgentCallable(Fleet fleet) throws Exception {
        JavaDaemon daemon = start(fleet, "started: identity " + IDENTITY);
        Path client = client(fleet);
        assertThat(fleet.mco(client, "rpc", "echo", "say", "msg=hi", "-I", IDENTITY)
                        .exitCode())
                .as("no echo agent yet")
                .isNotZero();

        ExternalAgents.echo(fleet.dir().resolve("lib"), "echo");
        daemon.signal("USR1");
        daemon.awaitLog("Reloaded agents");

        McoResult echo = fleet.mco(client, "rpc", "echo", "say", "msg=hello", "-I", IDENTITY);
        assertThat(echo.exitCode()).as(echo.out() + echo.err()).isZero();
        assertThat(echo.out()).contains("Message: hello");
        McoResult ping = fleet.mco(client, "ping", "--expect", "1", "-t", "10");
        assertThat(ping.out()).startsWith("signals.example.net ").contains("1 replies");
        assertThat(daemon.log())
                .contains("Reloading all agents after receiving USR1 signal")
                .contains("added [echo]");
        daemon.signal("TERM");
        assertThat(daemon.waitFor(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    @WithFleet
    void shouldLetARunningActionReplyBeforeStoppingWithSoftShutdown(Fleet fleet) throws Exception {
        Path started = fleet.dir().resolve("action-started");
        ExternalAgents.slow(fleet.dir().resolve("lib"), started, 3);
        JavaDaemon daemon = start(fleet, "started: identity " + IDENTITY, "soft_shutdown = 1");
        Path client = client(fleet);

        CompletableFuture<McoResult> call = CompletableFuture.supplyAsync(
                () -> fleet.mco(client, "rpc", "slow", "run", "-I", IDENTITY, "-t", "30"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(started));
        daemon.signal("TERM");

        McoResult run = call.get(60, TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Result: finished");
        assertThat(daemon.waitFor(Duration.ofSeconds(15))).isTrue();
        assertThat(daemon.exitValue()).isZero();
        assertThat(daemon.log())
                .contains("Exiting after signal: SIGTERM")
                .contains("waiting for running requests (soft_shutdown)");
    }
}
