package mcollective.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {
    @Test
    void shouldEscapeALineBreakSoNoLineCanBeForged() {
        assertThat(LogSafe.of("1.5\n2026-12-02 ERROR forged")).isEqualTo("1.5\\n2026-12-02 ERROR forged");
    }

    @Test
    void shouldEscapeControlCharacters() {
        assertThat(LogSafe.of("a\r\t\u001b[31m\u0000\u007f\\")).isEqualTo("a\\r\\t\\e[31m\\x00\\x7f\\\\");
    }

    @Test
    void shouldCutLongValuesWithAMarker() {
        assertThat(LogSafe.of("x".repeat(600))).isEqualTo("x".repeat(512) + "…(88 more)");
    }

    @Test
    void shouldPrintNull() {
        assertThat(LogSafe.of(null)).isEqualTo("null");
    }

    @Test
    void shouldEscapeOnlyControlCharactersForAWholeMessage() {
        assertThat(LogSafe.controlsEscaped("sender a\\nb\nE, forged\u001b[0m"))
                .isEqualTo("sender a\\nb\\nE, forged\\e[0m");
        String plain = "nothing to escape";
        assertThat(LogSafe.controlsEscaped(plain)).isSameAs(plain);
    }
}
