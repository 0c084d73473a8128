package mcollective.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import mcollective.ddl.DdlValidationException;
import mcollective.ddl.ValueChecks;

/** A regular expression from the network, or a long value against one, is refused instead of killing the thread. */
class RegexLimitsTest {
    private static final String LONG_VALUE = "ab".repeat(200_000);

    @Test
    void shouldRefuseAPatternLongerThanTheLimit() {
        assertThatThrownBy(() -> FilterRegex.find("a".repeat(5000), "a"))
                .isInstanceOf(FilterEvaluationException.class)
                .hasMessage("regular expression of 5000 characters is longer than 4096");
    }

    @Test
    void shouldRefuseAMatchThatOverflowsJavaRegexRecursion() {
        assertThatThrownBy(() -> FilterRegex.find("^(a|b)*$", LONG_VALUE))
                .isInstanceOf(FilterEvaluationException.class)
                .hasMessageMatching(
                        "regular expression /\\^\\(a\\|b\\)\\*\\$/ (recursed too deeply|is too expensive).*");
    }

    @Test
    void shouldStillMatchARealFactRegex() {
        assertThat(FilterRegex.find("^web\\d+\\.example\\.net$", "web12.example.net"))
                .isTrue();
    }

    @Test
    void shouldRefuseAValueThatOverflowsADdlPattern() {
        assertThatThrownBy(() -> ValueChecks.regex(LONG_VALUE, "^(a|b)*$"))
                .isInstanceOf(DdlValidationException.class)
                .hasMessage("value of 400000 characters is too long to match ^(a|b)*$");
    }
}
