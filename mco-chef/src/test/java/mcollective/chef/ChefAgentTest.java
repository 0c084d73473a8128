package mcollective.chef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.config.Config;
import mcollective.ddl.DdlLoader;
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.Filter;
import mcollective.protocol.Request;
import mcollective.protocol.RequestId;
import mcollective.protocol.codec.RubySymbol;
import mcollective.spi.PluginContext;
import mcollective.testkit.StandInChefClient;

/** The chef agent against stand-in init scripts and a stand-in chef-client daemon that records its signals. */
class ChefAgentTest {
    @TempDir
    Path dir;

    private final List<StandInChefClient> daemons = new ArrayList<>();

    @AfterEach
    void stopDaemons() {
        daemons.forEach(StandInChefClient::close);
    }

    ChefAgent agent(Map<String, String> settings) {
        var builder = Config.builder().set("libdir", dir.resolve("lib").toString());
        settings.forEach((k, v) -> builder.set("plugin.chef." + k, v));
        Config config = builder.build();
        ChefAgent agent = new ChefAgent();
        agent.init(new PluginContext(
                config,
                "chef",
                PluginRegistry.discover(),
                Clock.systemUTC(),
                Map.of(),
                Map.of(DdlLoader.class, new DdlLoader(config.libdirs()))));
        return agent;
    }

    static Map<String, Object> call(ChefAgent agent, String action) {
        Map<Object, Object> body = new LinkedHashMap<>();
        body.put(RubySymbol.of("action"), action);
        body.put(RubySymbol.of("data"), new LinkedHashMap<>());
        Object reply = agent.handle(new Request(
                        RequestId.next(),
                        "tester",
                        "uid=0",
                        "chef",
                        "mcollective",
                        Filter.empty(),
                        60,
                        Clock.systemUTC().instant().getEpochSecond(),
                        body))
                .orElseThrow();
        Map<String, Object> plain = new LinkedHashMap<>();
        ((Map<?, ?>) reply).forEach((k, v) -> plain.put(((RubySymbol) k).name(), v));
        Map<String, Object> data = new LinkedHashMap<>();
        ((Map<?, ?>) plain.get("data")).forEach((k, v) -> data.put(((RubySymbol) k).name(), v));
        plain.put("data", data);
        return plain;
    }

    Path script(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void isNotActiveUnlessConfigured() {
        assertThat(new ChefAgent().activeByDefault()).isFalse();
    }

    @Test
    void takesItsTimeoutFromTheDdl() {
        assertThat(agent(Map.of()).timeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Nested
    class Status {
        @Test
        void mapsTheInitScriptExitCodeToOkMissingOrStopped() throws IOException {
            for (var expected : Map.of(0, "OK", 1, "Missing", 3, "Stopped").entrySet()) {
                Path init = script("init" + expected.getKey(), "[ \"$1\" = status ] && exit " + expected.getKey());
                Map<String, Object> reply = call(agent(Map.of("client-initscript", init.toString())), "status");

                assertThat(reply.get("statuscode")).isEqualTo(0L);
                assertThat(((Map<?, ?>) reply.get("data")).get("status")).isEqualTo(expected.getValue());
            }
        }

        @Test
        void reportsAnyOtherExitCodeAsUnknownAndFails() throws IOException {
            Path init = script("init4", "echo 'chef-client: status unknown' >&2; exit 4");

            Map<String, Object> reply = call(agent(Map.of("client-initscript", init.toString())), "status");

            assertThat(reply.get("statuscode")).isEqualTo(1L);
            assertThat(reply.get("statusmsg"))
                    .isEqualTo(init + " status finished with exit code 4: " + "chef-client: status unknown");
            assertThat(((Map<?, ?>) reply.get("data")).get("status")).isEqualTo("Unknown");
        }

        @Test
        void namesTheCommandItCannotRun() {
            Map<String, Object> reply =
                    call(agent(Map.of("client-initscript", "/nonexistent/service chef-client")), "status");

            assertThat(reply.get("statuscode")).isEqualTo(1L);
            assertThat((String) reply.get("statusmsg"))
                    .startsWith("Cannot run /nonexistent/service chef-client status:");
        }

        @Test
        void passesTheInitScriptArgumentsWithoutAShell() throws IOException {
            Path init = script("svc", "[ \"$1\" = 'chef-client;' ] && [ \"$2\" = status ] && exit 3; exit 9");

            Map<String, Object> reply = call(agent(Map.of("client-initscript", init + " chef-client;")), "status");

            assertThat(((Map<?, ?>) reply.get("data")).get("status")).isEqualTo("Stopped");
        }
    }

    @Nested
    class StartStopRestart {
        @Test
        void returnsOutputAndExitCode() throws IOException {
            Path init = script("init", "echo \"$1 ok\"; echo warn >&2; exit 0");

            for (String act : List.of("start", "stop", "restart")) {
                Map<String, Object> reply = call(agent(Map.of("client-initscript", init.toString())), act);

                assertThat(reply.get("statuscode")).isEqualTo(0L);
                assertThat(reply.get("data"))
                        .isEqualTo(Map.of("stdout", act + " ok\n", "stderr", "warn\n", "exitcode", 0L));
            }
        }

        @Test
        void failsWithTheExitCode() throws IOException {
            Path init = script("init", "echo 'no such service' >&2; exit 5");

            Map<String, Object> reply = call(agent(Map.of("client-initscript", init.toString())), "restart");

            assertThat(reply.get("statuscode")).isEqualTo(1L);
            assertThat(reply.get("statusmsg")).isEqualTo(init + " restart finished with exit code 5");
            assertThat(((Map<?, ?>) reply.get("data")).get("exitcode")).isEqualTo(5L);
        }
    }

    @Nested
    class WakeDaemon {
        StandInChefClient daemon(Duration runTime) throws IOException {
            StandInChefClient daemon = StandInChefClient.start(dir.resolve("chef"), runTime);
            daemons.add(daemon);
            return daemon;
        }

        Map<String, String> settings(StandInChefClient daemon) {
            return Map.of(
                    "client-pidfile",
                    daemon.pidfile().toString(),
                    "client-lockfile",
                    daemon.lockfile().toString());
        }

        @Test
        void signalsTheDaemonInThePidfile() throws IOException {
            StandInChefClient daemon = daemon(Duration.ZERO);

            Map<String, Object> reply = call(agent(settings(daemon)), "wake_daemon");

            assertThat(reply.get("statuscode")).isEqualTo(0L);
            assertThat(reply.get("statusmsg")).isEqualTo("Waking up chef-client daemon...");
            assertThat(((Map<?, ?>) reply.get("data")).get("result")).isEqualTo("woken");
            await().atMost(Duration.ofSeconds(10)).until(() -> daemon.wakeUps() == 1);
        }

        @Test
        void saysWhenThePidfileIsMissing() {
            Map<String, Object> reply =
                    call(agent(Map.of("client-pidfile", dir.resolve("none.pid").toString())), "wake_daemon");

            assertThat(reply.get("statuscode")).isEqualTo(1L);
            assertThat(reply.get("statusmsg"))
                    .isEqualTo("chef-client pidfile " + dir.resolve("none.pid") + " not found.");
        }

        @Test
        void saysWhenThePidfileIsStale() throws IOException {
            Process gone = new ProcessBuilder("true").start();
            long pid = gone.pid();
            await().until(() -> !gone.isAlive());
            Path pidfile = Files.writeString(dir.resolve("client.pid"), pid + "\n");

            Map<String, Object> reply = call(agent(Map.of("client-pidfile", pidfile.toString())), "wake_daemon");

            assertThat(reply.get("statuscode")).isEqualTo(1L);
            assertThat(reply.get("statusmsg"))
                    .isEqualTo(
                            "chef-client pidfile " + pidfile + " found, but stale - no process " + pid + " to signal.");
        }

        @Test
        void neverSignalsWhatAGarbagePidfileMightMean() throws IOException {
            for (String content : List.of("", "0\n", "1\n", "-5\n", "abc\n", "9".repeat(200))) {
                Path pidfile = Files.writeString(dir.resolve("client.pid"), content);

                Map<String, Object> reply = call(agent(Map.of("client-pidfile", pidfile.toString())), "wake_daemon");

                assertThat(reply.get("statuscode")).isEqualTo(1L);
                assertThat(reply.get("statusmsg"))
                        .isEqualTo("chef-client pidfile " + pidfile + " holds no process id.");
            }
        }

        @Test
        void refusesToSignalAProcessThatIsNotChefClient() throws IOException {
            Process sleeper = new ProcessBuilder("sleep", "30").start();
            try {
                Path pidfile = Files.writeString(dir.resolve("client.pid"), sleeper.pid() + "\n");

                Map<String, Object> reply = call(agent(Map.of("client-pidfile", pidfile.toString())), "wake_daemon");

                assertThat(reply.get("statuscode")).isEqualTo(1L);
                assertThat((String) reply.get("statusmsg"))
                        .contains("names process " + sleeper.pid() + ", which is not chef-client");
                assertThat(sleeper.isAlive()).isTrue();
            } finally {
                sleeper.destroyForcibly();
            }
        }

        @Test
        void doesNotWakeADaemonWhoseRunIsInProgress() throws IOException {
            StandInChefClient daemon = daemon(Duration.ofSeconds(20));
            ChefAgent agent = agent(settings(daemon));
            call(agent, "wake_daemon");
            await().atMost(Duration.ofSeconds(10)).until(daemon::running);

            Map<String, Object> reply = call(agent(settings(daemon)), "wake_daemon");

            assertThat(reply.get("statuscode")).isEqualTo(0L);
            assertThat(((Map<?, ?>) reply.get("data")).get("result")).isEqualTo("already running");
            assertThat((String) reply.get("statusmsg")).startsWith("A chef-client run is already in progress (pid ");
            assertThat(daemon.wakeUps()).isEqualTo(1);
        }

        @Test
        void twoConcurrentWakeUpsStartOneRun() throws Exception {
            StandInChefClient daemon = daemon(Duration.ofSeconds(2));
            ChefAgent agent = agent(settings(daemon));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<Map<String, Object>> wake = () -> call(agent, "wake_daemon");
                List<Future<Map<String, Object>>> replies = pool.invokeAll(List.of(wake, wake));
                List<Object> results = new ArrayList<>();
                for (Future<Map<String, Object>> reply : replies) {
                    assertThat(reply.get().get("statuscode")).isEqualTo(0L);
                    results.add(((Map<?, ?>) reply.get().get("data")).get("result"));
                }

                assertThat(results).containsOnlyOnce("woken");
                await().atMost(Duration.ofSeconds(10)).until(() -> daemon.runs() == 1 && !daemon.running());
                assertThat(daemon.wakeUps()).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void wakesAgainOnceTheRunHasFinished() throws IOException {
            StandInChefClient daemon = daemon(Duration.ofMillis(300));
            ChefAgent agent = agent(settings(daemon));
            call(agent, "wake_daemon");
            await().atMost(Duration.ofSeconds(10)).until(() -> daemon.runs() == 1 && !daemon.running());

            Map<String, Object> reply = call(agent, "wake_daemon");

            assertThat(((Map<?, ?>) reply.get("data")).get("result")).isEqualTo("woken");
            await().atMost(Duration.ofSeconds(10)).until(() -> daemon.wakeUps() == 2);
        }
    }
}
