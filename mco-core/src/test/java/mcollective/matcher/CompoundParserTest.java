package mcollective.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The {@code -S} callstack is the one Ruby's {@code Matcher.create_compound_callstack} builds. */
class CompoundParserTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "country=uk",
        "country=uk and /apache/",
        "(a=1 or b=2) and not c",
        "!country=de",
        "country=uk or (cpus>100 and apache)",
        "profile::base and role.web",
        "cpus>=2 and cpus<=8",
        "platform=/^cent/ and not environment=production",
        "fstat('/etc/hostname').size>0",
        "fstat(\"/etc/issue\").md5=/abc/",
        "fact('os.family').value=RedHat and collective('mcollective').member=true",
        "not (a=1 and (b=2 or c=3))",
    })
    void shouldBuildRubysCallstack(String filter) throws Exception {
        List<Map<String, Object>> ours = CompoundParser.parse(filter);

        assertThat(new ObjectMapper().writeValueAsString(ours)).isEqualTo(ruby(filter));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=1 and and b=2", "and a=1", "a=1 or", "(a=1", "a=1)", "not (", "a=1 b=2"})
    void shouldRefuseWhatRubyRefuses(String filter) {
        assertThatThrownBy(() -> CompoundParser.parse(filter)).isInstanceOf(FilterEvaluationException.class)
                .hasMessageEndingWith("found while parsing -S input " + filter);
    }

    /** Ruby's callstack as JSON, with Regexps written as their source, as this port sends them. */
    static String ruby(String filter) throws IOException, InterruptedException {
        String script = "require 'mcollective'; require 'json'; s = MCollective::Matcher.create_compound_callstack("
                + "ARGV[0]); s.each { |t| f = t['fstatement']; f['r_compare'] = f['r_compare'].source if f && "
                + "f['r_compare'].is_a?(Regexp) }; puts s.map { |t| t.map { |k, v| [k, v.is_a?(Hash) ? "
                + "v.sort_by { |a, _| %w[r_compare operator value name params].index(a) }.to_h : v] }.to_h }.to_json";
        Process process = new ProcessBuilder("ruby", "-e", script, filter).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("ruby: " + err).isZero();
        return out;
    }
}
