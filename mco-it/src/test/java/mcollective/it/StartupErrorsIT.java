package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.testkit.BrokerAddress;
import mcollective.testkit.ChildProcess;
import mcollective.testkit.JavaDaemon;
import mcollective.testkit.LocalPort;
import mcollective.testkit.ServerCfg;

/**
 * A real {@code bin/mcollectived} given a path it cannot use: it stops at once with exit status 1 and one line on
 * stderr naming the setting and the path, instead of running without a log, facts or classes.
 */
class StartupErrorsIT {
    @TempDir
    Path dir;

    /** Starts the daemon on this config and returns the one line it printed; asserts exit status 1. */
    String refusal(ServerCfg.Builder config) throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve("server.cfg"), config.build().text());
        try (JavaDaemon daemon = JavaDaemon.start(file)) {
            assertThat(daemon.waitFor(Duration.ofSeconds(60))).as("exited").isTrue();
            assertThat(daemon.exitValue()).as(daemon.output()).isEqualTo(1);
            assertThat(daemon.pidfile()).doesNotExist();
            List<String> lines = daemon.output().lines().toList();
            assertThat(lines).hasSize(1);
            return lines.get(0);
        }
    }

    /** A node config logging to {@code node.log}. */
    ServerCfg.Builder config() throws IOException {
        return consoleConfig().logFile(dir.resolve("node.log"));
    }

    /** A node config logging to the console ({@code logger_type = console}), which is stderr. */
    ServerCfg.Builder consoleConfig() throws IOException {
        Files.writeString(dir.resolve("facts.yaml"), "---\nplatform: errors\n");
        return ServerCfg.builder("errors.example.net", BrokerAddress.local(LocalPort.free(), "u", "p"))
                .libdir(Files.createDirectories(dir.resolve("lib")))
                .factsFile(dir.resolve("facts.yaml"))
                .classesFile(dir.resolve("classes.txt"));
    }

    /** A new directory {@code name}, for a setting that should name a file. */
    Path directory(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    static String isADirectory(String setting, Path path) {
        return "mcollectived: " + setting + " '" + path + "' is a directory";
    }

    @Test
    void shouldNameALogfileThatIsADirectory() throws Exception {
        Path logs = directory("logs");

        assertThat(refusal(config().logFile(logs))).isEqualTo(isADirectory("logfile", logs));
    }

    @Test
    void shouldNameALogfileInADirectoryThatDoesNotExist() throws Exception {
        Path log = dir.resolve("missing/node.log");

        assertThat(refusal(config().logFile(log)))
                .isEqualTo("mcollectived: logfile '" + log + "' cannot be created: its directory does not exist");
    }

    @Test
    void shouldNameAFactsFileThatIsADirectory() throws Exception {
        Path facts = directory("facts.d");

        assertThat(refusal(config().factsFile(facts))).isEqualTo(isADirectory("plugin.yaml", facts));
        assertThat(ChildProcess.read(dir.resolve("node.log"))).contains("plugin.yaml '" + facts + "' is a directory");
    }

    @Test
    void shouldNameAClassesFileThatIsADirectory() throws Exception {
        Path classes = directory("classes.d");

        assertThat(refusal(config().classesFile(classes))).isEqualTo(isADirectory("classesfile", classes));
    }

    @Test
    void shouldPrintOnlyThatLineWhenLoggingToTheConsole() throws Exception {
        Path classes = directory("classes.d");

        assertThat(refusal(consoleConfig().classesFile(classes))).isEqualTo(isADirectory("classesfile", classes));
    }
}
