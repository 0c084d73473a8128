package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import mcollective.testkit.BrokerAddress;
import mcollective.testkit.JavaDaemon;
import mcollective.testkit.ServerCfg;

/**
 * The signals of {@code runner.rb} sent with kill(1) to a real {@code bin/mcollectived}: TERM while it waits between
 * broker connection attempts, USR2 cycling the log level, USR1 reloading the agents, and TERM with
 * {@code soft_shutdown} letting a running action reply first.
 */
class SignalsIT {
    @TempDir
    Path dir;

    Path log() {
        return dir.resolve("node.log");
    }

    /** A config for {@code identity} on {@code port}, logging to {@link #log()} at info. */
    Path config(int port, List<String> extra) throws IOException {
        Files.createDirectories(dir.resolve("lib/mcollective/agent"));
        Files.writeString(dir.resolve("facts.yaml"), "---\nplatform: signals\n");
        ServerCfg server = ServerCfg.builder(
                        "signals.example.net", BrokerAddress.local(port, JavaFleet.USER, JavaFleet.PASSWORD))
                .psk(JavaFleet.PSK)
                .libdir(dir.resolve("lib"))
                .factsFile(dir.resolve("facts.yaml"))
                .classesFile(dir.resolve("classes.txt"))
                .logFile(log())
                .extra(extra)
                .build();
        return Files.writeString(dir.resolve("server.cfg"), server.text());
    }

    JavaDaemon start(Path config) throws IOException {
        return JavaDaemon.start(config, dir.resolve("node.pid"), dir.resolve("stdout.log"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void shouldExitZeroOnTheSignalWhileWaitingBetweenBrokerConnectionAttempts(String signal) throws Exception {
        int port = closedPort();
        try (JavaDaemon daemon = start(config(
                port,
                List.of("plugin.activemq.initial_reconnect_delay = 20", "plugin.activemq.max_reconnect_delay = 60")))) {
            daemon.awaitLog(log(), "127.0.0.1:" + port); // the connector's first attempt, refused at once
            TimeUnit.MILLISECONDS.sleep(500);
            assertThat(dir.resolve("node.pid")).hasContent(Long.toString(daemon.pid()));
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
            assertThat(dir.resolve("node.pid")).doesNotExist();
            assertThat(JavaDaemon.read(log()))
                    .contains("Exiting after signal: SIG" + signal)
                    .doesNotContain("\tat ");
            assertThat(Files.readAllLines(log())).noneMatch(line -> line.startsWith("E, "));
        }
    }

    @Test
    void shouldCycleTheLogLevelOnSigusr2AsRubyDoes() throws Exception {
        try (JavaDaemon daemon = start(config(closedPort(), List.of()))) {
            daemon.awaitLog(log(), "Not activating agent chef");

            daemon.signal("USR2");
            daemon.awaitLog(log(), "Logging level is now WARN");
            daemon.signal("USR2");
            daemon.awaitLog(log(), "Logging level is now ERROR");
            daemon.signal("TERM");

            assertThat(daemon.waitFor(Duration.ofSeconds(10))).isTrue();
            assertThat(daemon.exitValue()).isZero();
            List<String> lines = Files.readAllLines(log());
            // As in Ruby: the second "Cycling" line is at info, which warn no longer logs; so is "Exiting after signal"
            assertThat(lines.stream().filter(l -> l.contains("Cycling logging level due to USR2 signal")))
                    .singleElement()
                    .asString()
                    .startsWith("I, [");
            assertThat(lines.stream().filter(l -> l.contains("Logging level is now")))
                    .satisfiesExactly(
                            l -> assertThat(l)
                                    .startsWith("W, [")
                                    .endsWith("WARN -- : LogSetup: Logging level is now WARN"),
                            l -> assertThat(l)
                                    .startsWith("E, [")
                                    .endsWith("ERROR -- : LogSetup: Logging level is now ERROR"));
            assertThat(lines).noneMatch(l -> l.contains("Exiting after signal"));
        }
    }

    @Test
    void shouldReloadAgentsOnSigusr1MakingANewExternalAgentCallable() throws Exception {
        try (JavaFleet fleet = new JavaFleet(Files.createDirectories(dir.resolve("fleet")));
                JavaDaemon daemon = start(config(fleet.port(), List.of()))) {
            daemon.awaitLog(log(), "started: identity signals.example.net");
            String client = fleet.clientConfig("client.cfg", "libdir = " + dir.resolve("lib"))
                    .toString();
            assertThat(McoRun.run("rpc", "echo", "say", "msg=hi", "-I", "signals.example.net", "-c", client)
                            .exitCode())
                    .as("no echo agent yet")
                    .isNotZero();

            ExternalAgents.echo(dir.resolve("lib"), "echo");
            daemon.signal("USR1");
            daemon.awaitLog(log(), "Reloaded agents");

            McoRun echo = McoRun.run("rpc", "echo", "say", "msg=hello", "-I", "signals.example.net", "-c", client);
            assertThat(echo.exitCode()).as(echo.out() + echo.err()).isZero();
            assertThat(echo.out()).contains("Message: hello");
            McoRun ping = McoRun.run("ping", "-c", client, "--expect", "1", "-t", "10");
            assertThat(ping.out()).startsWith("signals.example.net ").contains("1 replies");
            assertThat(JavaDaemon.read(log()))
                    .contains("Reloading all agents after receiving USR1 signal")
                    .contains("added [echo]");
            daemon.signal("TERM");
            assertThat(daemon.waitFor(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void shouldLetARunningActionReplyBeforeStoppingWithSoftShutdown() throws Exception {
        Path started = dir.resolve("action-started");
        try (JavaFleet fleet = new JavaFleet(Files.createDirectories(dir.resolve("fleet")));
                JavaDaemon daemon = start(config(fleet.port(), List.of("soft_shutdown = 1")))) {
            ExternalAgents.slow(dir.resolve("lib"), started, 3);
            daemon.awaitLog(log(), "started: identity signals.example.net");
            String client = fleet.clientConfig("client.cfg", "libdir = " + dir.resolve("lib"))
                    .toString();

            CompletableFuture<McoRun> call = CompletableFuture.supplyAsync(
                    () -> McoRun.run("rpc", "slow", "run", "-I", "signals.example.net", "-c", client, "-t", "30"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(started));
            daemon.signal("TERM");

            McoRun run = call.get(60, TimeUnit.SECONDS);
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("Result: finished");
            assertThat(daemon.waitFor(Duration.ofSeconds(15))).isTrue();
            assertThat(daemon.exitValue()).isZero();
            assertThat(JavaDaemon.read(log()))
                    .contains("Exiting after signal: SIGTERM")
                    .contains("waiting for running requests (soft_shutdown)");
        }
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
