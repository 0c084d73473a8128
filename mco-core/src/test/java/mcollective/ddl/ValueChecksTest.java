package mcollective.ddl;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import mcollective.protocol.codec.RubyRegexp;
import mcollective.protocol.codec.RubySymbol;

/** The checks behind the typecheck, length, regex and array validators, with Ruby's regex semantics. */
class ValueChecksTest {

    @Test
    void shouldMatchRegexesWithRubySemantics() {
        // Ruby's ^ and $ are line anchors, so a later line can satisfy them.
        assertThatCode(() -> ValueChecks.regex("abc\n123", "^\\d+$")).doesNotThrowAnyException();
        assertThatCode(() -> ValueChecks.regex("cafe", "^\\h+$")).doesNotThrowAnyException();
        assertThatThrownBy(() -> ValueChecks.regex("xyz", "^\\h+$")).hasMessage("value should match ^\\h+$");
        assertThatCode(() -> ValueChecks.regex("abc", "^[[:alpha:]]+$")).doesNotThrowAnyException();
        assertThatThrownBy(() -> ValueChecks.regex("ab1", "^[[:alpha:]]+$")).isInstanceOf(DdlValidationException.class);
        assertThatCode(() -> ValueChecks.regex("a\nb", RubyRegexp.literal("a.b", "m")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ValueChecks.regex("a\nb", RubyRegexp.literal("a.b", "")))
                .hasMessage("value should match (?-mix:a.b)");
    }

    @Test
    void shouldNameABrokenRegex() {
        assertThatThrownBy(() -> ValueChecks.regex("a", "("))
                .isInstanceOf(DdlValidationException.class)
                .hasMessageStartingWith("invalid regular expression (: ");
    }

    @Test
    void shouldCompareListValuesAsRubyDoes() {
        assertThatCode(() -> ValueChecks.array(1.0, List.of(1L, 2L))).doesNotThrowAnyException();
        assertThatThrownBy(() -> ValueChecks.array("1", List.of(1L, 2L))).hasMessage("value should be one of 1, 2");
    }

    @Test
    void shouldListTheAllowedValuesAsRubysJoinPrintsThem() {
        List<Object> allowed = Arrays.asList(1.0e20, RubySymbol.of("sym"), null, "x");
        assertThatThrownBy(() -> ValueChecks.array("y", allowed))
                .hasMessage("value should be one of 1.0e+20, sym, , x");
    }

    @Test
    void shouldCountCharactersNotUtf16Units() {
        assertThatCode(() -> ValueChecks.length("\uD83D\uDE00\uD83D\uDE00", 2)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ValueChecks.length("abcdef", 3))
                .hasMessage("Input string is longer than 3 character(s)");
        assertThatCode(() -> ValueChecks.length("abcdef", 0)).doesNotThrowAnyException();
    }

    @Test
    void shouldFailUnknownTypes() {
        assertThatThrownBy(() -> ValueChecks.typecheck("x", "widget")).hasMessage("value should be a widget");
    }
}
