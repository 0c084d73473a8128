package mcollective.logback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.config.Config;

/** The file logger's level cycling (SIGUSR2) and reopening (SIGWINCH), on the real Logback. */
class LogSetupTest {
    private static final Logger LOG = LoggerFactory.getLogger(LogSetupTest.class);

    @TempDir
    Path dir;

    Path log;

    @BeforeEach
    void logToAFile() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).reset(); // as in mcollectived: no per-logger levels
        log = dir.resolve("node.log");
        LogSetup.configure(Config.builder()
                .set("logger_type", "file")
                .set("logfile", log.toString())
                .set("loglevel", "info")
                .environment(Map.of())
                .build());
    }

    @AfterEach
    void restoreTheTestLogging() throws JoranException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void shouldCycleTheLevelAndLogTheNewOneAtThatLevel() throws IOException {
        assertThat(LogSetup.cycleLevel()).isEqualTo(LogLevel.WARN);
        LOG.info("hidden at warn");
        assertThat(LogSetup.cycleLevel()).isEqualTo(LogLevel.ERROR);

        assertThat(Files.readAllLines(log))
                .hasSize(2)
                .satisfiesExactly(
                        line -> assertThat(line)
                                .startsWith("W, [")
                                .endsWith("WARN -- : LogSetup: Logging level is now WARN"),
                        line -> assertThat(line)
                                .startsWith("E, [")
                                .endsWith("ERROR -- : LogSetup: Logging level is now ERROR"));
        assertThat(LogSetup.level()).isEqualTo(LogLevel.ERROR);
    }

    @Test
    void shouldGoFromFatalBackToDebug() {
        for (int i = 0; i < 3; i++) {
            LogSetup.cycleLevel();
        }
        assertThat(LogSetup.level()).isEqualTo(LogLevel.FATAL);

        assertThat(LogSetup.cycleLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(LOG.isDebugEnabled()).isTrue();
    }

    @Test
    void shouldWriteToANewFileAfterReopenWhenTheOldOneWasMoved() throws IOException {
        LOG.info("before rotation");
        Path rotated = Files.move(log, dir.resolve("node.log.1"));

        LogSetup.reopen();
        LOG.info("after rotation");

        assertThat(Files.readString(rotated)).contains("before rotation").doesNotContain("after rotation");
        assertThat(Files.readString(log)).contains("after rotation");
    }
}
