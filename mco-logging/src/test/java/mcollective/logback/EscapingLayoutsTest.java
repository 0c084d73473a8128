package mcollective.logback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import mcollective.logging.LogSafe;

/** The layouts' backstop: whatever a message or an exception message holds, one event starts one line. */
class EscapingLayoutsTest {
    static final String FORGED = "E, [2026-12-03T10:00:00.000000+00:00 #1] ERROR -- : forged";

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    Logger log;

    @BeforeEach
    void layout() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        EscapingLayouts.register(context);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level -- : " + EscapingLayouts.MESSAGE_AND_TRACE);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        log = context.getLogger(EscapingLayoutsTest.class); // not additive: the tests' own log stays as it is
        log.setAdditive(false);
        log.addAppender(appender);
    }

    @AfterEach
    void detach() {
        log.detachAndStopAllAppenders();
        log.setAdditive(true);
    }

    @Test
    void shouldKeepAValueLoggedWithoutLogSafeOnOneLine() {
        log.warn("Rejecting a message: Bad Float text '{}'", "1.0\n" + FORGED + "\r\u001b[2J");

        assertThat(lines())
                .containsExactly("WARN -- : Rejecting a message: Bad Float text '1.0\\n" + FORGED + "\\r\\e[2J'");
    }

    @Test
    void shouldLeaveWhatLogSafeEscapedAsItIs() {
        log.warn("from {}", LogSafe.of("a\nb\\c"));

        assertThat(lines()).containsExactly("WARN -- : from a\\nb\\\\c");
    }

    @Test
    void shouldEscapeTheMessagesOfAnExceptionAndItsCause() {
        Exception cause = new IllegalStateException("cause\n" + FORGED);
        log.error("Agent failed", new RuntimeException("outer\n" + FORGED, cause));

        List<String> lines = lines();
        assertThat(lines).noneMatch(line -> line.startsWith(FORGED));
        assertThat(lines.get(0)).isEqualTo("ERROR -- : Agent failed");
        assertThat(lines.get(1)).isEqualTo("java.lang.RuntimeException: outer\\n" + FORGED);
        assertThat(lines).contains("Caused by: java.lang.IllegalStateException: cause\\n" + FORGED);
        assertThat(lines.subList(2, lines.size()))
                .allMatch(line -> line.startsWith("\t") || line.startsWith("Caused by: "));
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
