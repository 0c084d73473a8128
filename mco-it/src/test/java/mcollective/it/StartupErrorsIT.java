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
import mcollective.testkit.JavaDaemon;
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
        try (JavaDaemon daemon = JavaDaemon.start(file, dir.resolve("node.pid"), dir.resolve("out.log"))) {
            assertThat(daemon.waitFor(Duration.ofSeconds(60))).as("exited").isTrue();
            assertThat(daemon.exitValue()).as(daemon.output()).isEqualTo(1);
            assertThat(dir.resolve("node.pid")).doesNotExist();
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
        return ServerCfg.builder("errors.example.net", BrokerAddress.local(SignalsIT.closedPort(), "u", "p"))
                .libdir(Files.createDirectories(dir.resolve("lib")))
                .factsFile(dir.resolve("facts.yaml"))
                .classesFile(dir.resolve("classes.txt"));
    }

    @Test
    void shouldNameALogfileThatIsADirectory() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));

        assertThat(refusal(config().logFile(logs))).isEqualTo("mcollectived: logfile '" + logs + "' is a directory");
    }

    @Test
    void shouldNameALogfileInADirectoryThatDoesNotExist() throws Exception {
        Path log = dir.resolve("missing/node.log");

        assertThat(refusal(config().logFile(log)))
                .isEqualTo("mcollectived: logfile '" + log + "' cannot be created: its directory does not exist");
    }

    @Test
    void shouldNameAFactsFileThatIsADirectory() throws Exception {
        Path facts = Files.createDirectories(dir.resolve("facts.d"));

        assertThat(refusal(config().factsFile(facts)))
                .isEqualTo("mcollectived: plugin.yaml '" + facts + "' is a directory");
        assertThat(JavaDaemon.read(dir.resolve("node.log"))).contains("plugin.yaml '" + facts + "' is a directory");
    }

    @Test
    void shouldNameAClassesFileThatIsADirectory() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes.d"));

        assertThat(refusal(config().classesFile(classes)))
                .isEqualTo("mcollectived: classesfile '" + classes + "' is a directory");
    }

    @Test
    void shouldPrintOnlyThatLineWhenLoggingToTheConsole() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes.d"));

        assertThat(refusal(consoleConfig().classesFile(classes)))
                .isEqualTo("mcollectived: classesfile '" + classes + "' is a directory");
    }
}
