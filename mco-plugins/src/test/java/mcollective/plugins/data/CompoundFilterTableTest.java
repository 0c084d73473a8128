package mcollective.plugins.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import mcollective.matcher.CompoundFilterException;
import mcollective.matcher.CompoundParser;
import mcollective.matcher.DataPluginEvaluator;
import mcollective.matcher.DefaultCompoundEvaluator;
import mcollective.matcher.FilterEvaluator;
import mcollective.protocol.Filter;

/**
 * reference/MCOLLECTIVE.md §5.4's table, verified on Ruby 2.12.5, row by row: the {@code -S} text goes through the client's
 * parser (or Ruby's exact callstack where the client now refuses it) and the node's evaluator with the shipped data
 * plugins.
 */
class CompoundFilterTableTest {
    private static final FakeNode NODE = FakeNode.web1(Clock.systemUTC());
    private static final FilterEvaluator EVALUATOR =
            new FilterEvaluator(new DefaultCompoundEvaluator(new DataPluginEvaluator(NODE.dataPlugins())));

    @TempDir
    static Path dir;

    private static boolean matches(List<Map<String, Object>> callstack) {
        return EVALUATOR
                .evaluate(Filter.builder().addCompound(callstack).build(), NODE)
                .passed();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "country=uk | true",
                "country=/^u/ | true",
                "cpus>3 | true",
                "version>2.9 | false",
                "list=one | true",
                "os.family=RedHat | false",
                "fact('os.family').value=RedHat | true",
                "!country=de | true",
                "country=uk or (cpus>100 and apache) | true",
                "collective('mcollective').member=true | true",
                "nosuch('x').value=1 | false",
                "profile::base and role.web | true",
                "agent('rpcutil').version=1.0 | true",
                "agent('nosuch').version=1.0 | false",
                "fact('list.1').value=two | true",
                "fact('os').value_encoding=application/json | true",
                "fstat('/nonexistent/file').present=0 | true",
                "fstat('/nonexistent/file').mtime_age>0 | false",
            })
    void shouldSelectTheNodeAsRubyDoes(String filter, boolean expected) {
        assertThat(matches(CompoundParser.parse(filter))).isEqualTo(expected);
    }

    @Test
    void shouldSeeAFileThroughFstat() throws Exception {
        Path file = Files.writeString(dir.resolve("hostname"), "web1\n");

        assertThat(matches(CompoundParser.parse("fstat('" + file + "').size>0")))
                .isTrue();
        assertThat(matches(CompoundParser.parse("fstat('" + file + "').md5=/^66ee606d/")))
                .isTrue();
        assertThat(matches(CompoundParser.parse("fstat('" + file + "').md5=66ee606d5019d75f83836eeb295c6b6e")))
                .isFalse();
        assertThat(matches(CompoundParser.parse(
                        "fstat('" + file + "').type=file and fstat('" + dir + "').type=directory")))
                .isTrue();
    }

    @Test
    void shouldEvaluateNotEqualsAndRegexOperatorStatementsFromRubyClientsAsRubyNodesDo() {
        // Q-3 kept on the node: a Ruby client sends these verbatim and a Ruby node never selects on them
        assertThat(matches(CompoundParser.rubyCallstack("country!=de"))).isFalse();
        assertThat(matches(CompoundParser.rubyCallstack("country=~uk"))).isFalse();
    }

    @Test
    void shouldRefuseNotEqualsAndRegexOperatorStatementsOnTheClient() {
        // Q-3 fixed on the client: refused with a hint instead of silently selecting nothing
        assertThatThrownBy(() -> CompoundParser.parse("country!=de"))
                .isInstanceOf(CompoundFilterException.class)
                .hasMessageContaining("write 'not country=de'");
        assertThatThrownBy(() -> CompoundParser.parse("country=~uk"))
                .isInstanceOf(CompoundFilterException.class)
                .hasMessageContaining("write 'country=/uk/'");
    }

    @Test
    void shouldRefuseABareFunctionCallWhereRubysClientCrashes() {
        assertThatThrownBy(() -> CompoundParser.parse("foo('bar')"))
                .isInstanceOf(CompoundFilterException.class)
                .hasMessageContaining("has no comparison");
    }
}
