package mcollective.logback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogLevelTest {
    @Test
    void shouldCycleAsRubysGetNextLevelDoes() {
        assertThat(LogLevel.DEBUG.next()).isEqualTo(LogLevel.INFO);
        assertThat(LogLevel.INFO.next()).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.WARN.next()).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevel.ERROR.next()).isEqualTo(LogLevel.FATAL);
        assertThat(LogLevel.FATAL.next()).isEqualTo(LogLevel.DEBUG);
    }

    @Test
    void shouldReadTheConfigSpellingAndDefaultToInfo() {
        assertThat(LogLevel.of("warn")).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.of("FATAL")).isEqualTo(LogLevel.FATAL);
        assertThat(LogLevel.of("verbose")).isEqualTo(LogLevel.INFO);
    }
}
