package mcollective.ddl.ruby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.ddl.DdlException;
import mcollective.protocol.codec.RubyRegexp;
import mcollective.protocol.codec.RubySymbol;

/** The subset of Ruby syntax the DDL DSL uses, read without running Ruby. */
class RubyDslSyntaxTest {

    static RubyCall only(String source) {
        List<RubyCall> calls = RubyCallParser.parse(source, "t.ddl");
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    static Object firstArg(String source) {
        return only(source).args().get(0);
    }

    @Nested
    class Calls {
        @Test
        void shouldReadCallsWithAndWithoutParentheses() {
            assertThat(only("usage(\"x\")").args()).containsExactly("x");
            assertThat(only("usage \"x\"").args()).containsExactly("x");
            RubyCall call = only("input(:fact, :prompt => \"p\",\n      :type => :string)");
            assertThat(call.args()).containsExactly(RubySymbol.of("fact"));
            assertThat(call.hash()).containsEntry("prompt", "p").containsEntry("type", RubySymbol.of("string"));
        }

        @Test
        void shouldReadDoEndAndBraceBlocks() {
            RubyCall doBlock = only("action \"a\", :description => \"d\" do\n  display :ok\nend");
            assertThat(doBlock.block()).extracting(RubyCall::name).containsExactly("display");
            RubyCall braces = only("discovery {\n  capabilities [:facts]\n}");
            assertThat(braces.block()).extracting(RubyCall::name).containsExactly("capabilities");
        }

        @Test
        void shouldReadNestedCallsAsValues() {
            RubyCall aggregate = only("aggregate average(:x, :format => \"%0.2f\")");
            RubyCall function = (RubyCall) aggregate.args().get(0);
            assertThat(function.name()).isEqualTo("average");
            assertThat(function.args()).containsExactly(RubySymbol.of("x"));
            assertThat(function.hash()).containsEntry("format", "%0.2f");
        }

        @Test
        void shouldKeepLineNumbers() {
            List<RubyCall> calls = RubyCallParser.parse("# comment\n\nusage 'a'\n\n\nusage 'b'", "t.ddl");
            assertThat(calls).extracting(RubyCall::line).containsExactly(3, 6);
        }

        @Test
        void shouldStopAtEnd() {
            assertThat(RubyCallParser.parse("usage 'a'\n__END__\nthis is not ruby {{{", "t.ddl"))
                    .hasSize(1);
        }
    }

    @Nested
    class Literals {
        @Test
        void shouldReadSymbolsInEveryForm() {
            assertThat(firstArg("x :foo")).isEqualTo(RubySymbol.of("foo"));
            assertThat(firstArg("x :\"with space\"")).isEqualTo(RubySymbol.of("with space"));
            assertThat(firstArg("x :'single'")).isEqualTo(RubySymbol.of("single"));
        }

        @Test
        void shouldApplyRubyEscapesPerQuoteKind() {
            assertThat(firstArg("x 'a\\nb\\'c\\\\d'")).isEqualTo("a\\nb'c\\d");
            assertThat(firstArg("x \"a\\nb\\\"c\\td\\w\\u00e9\"")).isEqualTo("a\nb\"c\tdw\u00e9");
            assertThat(firstArg("x '^[\\w\\-\\.]+$'")).isEqualTo("^[\\w\\-\\.]+$");
        }

        @Test
        void shouldReadPercentStrings() {
            assertThat(firstArg("x %q(it's (nested) \\n)")).isEqualTo("it's (nested) \\n");
            assertThat(firstArg("x %Q{tab\\there}")).isEqualTo("tab\there");
            assertThat(firstArg("x %w[start stop  status]")).isEqualTo(List.of("start", "stop", "status"));
        }

        @Test
        void shouldReadNumbersBooleansAndNil() {
            assertThat(only("x 1, -2, 1_000, 2.5, 1e3, true, false, nil").args())
                    .containsExactly(1L, -2L, 1000L, 2.5, 1000.0, true, false, null);
        }

        @Test
        void shouldReadArraysAndHashesInBothSyntaxes() {
            RubyCall call = only("x [1, [:a, 'b'],\n   3], {:k => 1, \"s\" => 2, label: 3}, key: :v");
            assertThat(call.args().get(0)).isEqualTo(List.of(1L, List.of(RubySymbol.of("a"), "b"), 3L));
            assertThat(call.args().get(1)).isEqualTo(Map.of("k", 1L, "s", 2L, "label", 3L));
            assertThat(call.hash()).containsEntry("key", RubySymbol.of("v"));
        }

        @Test
        void shouldKeepRegexSourceAndOptions() {
            assertThat(firstArg("x /^[\\w\\_]+$/")).isEqualTo(RubyRegexp.literal("^[\\w\\_]+$", ""));
            RubyRegexp regex = (RubyRegexp) firstArg("x /a\\/b/ix");
            assertThat(regex.source()).isEqualTo("a\\/b");
            assertThat(regex.toS()).isEqualTo("(?ix-m:a\\/b)");
        }
    }

    @Nested
    class Heredocs {
        @Test
        void shouldReadDashHeredocsWithIndentedTerminator() {
            assertThat(firstArg("usage <<-EOU\n  line one\n    line two\n  EOU\n"))
                    .isEqualTo("  line one\n    line two\n");
        }

        @Test
        void shouldStripCommonIndentOfSquigglyHeredocs() {
            assertThat(firstArg("usage <<~EOU\n    a\n      b\n    EOU\n")).isEqualTo("a\n  b\n");
        }

        @Test
        void shouldNeedTheTerminatorAtColumnZeroForPlainHeredocs() {
            assertThat(firstArg("usage <<EOU\n  EOU\nEOU\n")).isEqualTo("  EOU\n");
        }

        @Test
        void shouldContinueTheStatementAfterTheHeredocOpener() {
            RubyCall call = only("x <<-A, :k => 1\n text\nA\n");
            assertThat(call.args()).containsExactly(" text\n");
            assertThat(call.hash()).containsEntry("k", 1L);
        }

        @Test
        void shouldKeepSingleQuotedHeredocsRaw() {
            assertThat(firstArg("usage <<-'EOU'\n a\\tb\nEOU\n")).isEqualTo(" a\\tb\n");
            assertThat(firstArg("usage <<-EOU\n a\\tb\nEOU\n")).isEqualTo(" a\tb\n");
        }
    }

    @Nested
    class Errors {
        @Test
        void shouldRefuseInterpolationWithItsLine() {
            assertThatThrownBy(() -> RubyCallParser.parse("usage 'a'\nusage \"#{`id`}\"\n", "t.ddl"))
                    .isInstanceOf(DdlException.class)
                    .hasMessageStartingWith("t.ddl:2: string interpolation is not supported in a DDL");
            assertThatThrownBy(() -> RubyCallParser.parse("usage <<-EOU\n #{x}\nEOU\n", "t.ddl"))
                    .hasMessageStartingWith("t.ddl:1: string interpolation is not supported");
        }

        @Test
        void shouldNameUnterminatedConstructs() {
            assertThatThrownBy(() -> RubyCallParser.parse("x 'abc\n\n", "t.ddl"))
                    .hasMessage("t.ddl:1: unterminated string");
            assertThatThrownBy(() -> RubyCallParser.parse("usage <<-EOU\ntext\n", "t.ddl"))
                    .hasMessageContaining("unterminated heredoc EOU");
            assertThatThrownBy(() -> RubyCallParser.parse("action 'a' do\n display :ok\n", "t.ddl"))
                    .hasMessage("t.ddl:3: missing 'end'");
            assertThatThrownBy(() -> RubyCallParser.parse("x [1, 2\n", "t.ddl")).hasMessageStartingWith("t.ddl:");
        }

        @Test
        void shouldRefuseRubyItDoesNotSupport() {
            assertThatThrownBy(() -> RubyCallParser.parse("x = 1\n", "t.ddl"))
                    .hasMessage("t.ddl:1: unexpected character '='");
            assertThatThrownBy(() -> RubyCallParser.parse("x [1 2]\n", "t.ddl"))
                    .hasMessage("t.ddl:1: expected ',' or ']' in an array but found '2'");
            assertThatThrownBy(() -> RubyCallParser.parse("x 1 y\n", "t.ddl"))
                    .hasMessage("t.ddl:1: unexpected 'y' after x");
        }
    }
}
