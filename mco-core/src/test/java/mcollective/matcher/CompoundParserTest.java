package mcollective.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import mcollective.protocol.codec.RubyMarshal;
import mcollective.protocol.codec.RubyRegexp;

/** The {@code -S} callstack is the one Ruby's {@code Matcher.create_compound_callstack} builds. */
class CompoundParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Every line of compound-inputs.txt, run through the real Ruby MCollective (one process, ruby-callstacks.rb) and
     * through this port. Needs Debian's mcollective package (bin/setup installs it); fails without it.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AgainstRuby {
        private final Map<String, JsonNode> ruby = new LinkedHashMap<>();

        @BeforeAll
        void runRuby() throws Exception {
            Path script = Files.createTempFile("ruby-callstacks", ".rb");
            try (InputStream in = resource("ruby-callstacks.rb")) {
                Files.write(script, in.readAllBytes());
            }
            Process process = new ProcessBuilder("ruby", script.toString())
                    .redirectErrorStream(false)
                    .start();
            try (OutputStream stdin = process.getOutputStream();
                    InputStream inputs = resource("compound-inputs.txt")) {
                inputs.transferTo(stdin);
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("ruby failed: %s", err).isZero();
            for (String line : out.split("\n")) {
                JsonNode node = JSON.readTree(line);
                ruby.put(node.get("input").asText(), node);
            }
            Files.delete(script);
        }

        Stream<String> inputs() throws IOException {
            return CompoundParserTest.inputs().stream();
        }

        @ParameterizedTest
        @MethodSource("inputs")
        void shouldBuildRubysCallstackOrRefuseAsRubyDoes(String input) throws Exception {
            JsonNode expected = ruby.get(input);
            assertThat(expected).as("ruby answered for %s", input).isNotNull();
            if (expected.has("callstack")) {
                JsonNode ours = JSON.valueToTree(plain(CompoundParser.rubyCallstack(input)));
                assertThat(ours).isEqualTo(expected.get("callstack"));
            } else if (expected.get("class").asText().equals("RuntimeError")) {
                assertThatThrownBy(() -> CompoundParser.rubyCallstack(input))
                        .isInstanceOf(CompoundFilterException.class)
                        .hasMessage(expected.get("error").asText());
            } else {
                // Q-13: where the Ruby client crashes, this port says what is missing
                assertThat(expected.get("error").asText()).startsWith("undefined method `gsub' for nil");
                assertThatThrownBy(() -> CompoundParser.rubyCallstack(input))
                        .isInstanceOf(CompoundFilterException.class)
                        .hasMessageContaining("has no comparison");
            }
        }

        @Test
        void shouldHaveAskedRubyAboutAtLeastSeventyExpressions() {
            assertThat(ruby).hasSizeGreaterThanOrEqualTo(70);
        }
    }

    @Nested
    class DataFunctions {
        @Test
        void shouldKeepRubysKeyOrderAndSendARegexpForARegexComparison() {
            Map<String, Object> function = fstatement("fstat('/etc/hosts').md5=/abc/");

            assertThat(function.keySet()).containsExactly("r_compare", "operator", "value", "name", "params");
            assertThat(function.get("r_compare")).isEqualTo(new RubyRegexp("abc", 0));
            assertThat(function.get("operator")).isEqualTo("=~");
        }

        @Test
        void shouldMarshalTheCallstackToTheBytesARubyClientSends() {
            // Marshal.dump(Matcher.create_compound_callstack(...)) on Ruby 3.1 / MCollective 2.12.5
            String ruby = "04085b087b0649220f6673746174656d656e74063a0645547b0a49220e725f636f6d70617265063b0054492f08"
                    + "61626300063b004649220d6f70657261746f72063b00544922073d7e063b005449220a76616c7565063b0054492208"
                    + "6d6435063b00544922096e616d65063b005449220a6673746174063b005449220b706172616d73063b005449220f2f"
                    + "6574632f686f737473063b00547b06492208616e64063b0054492208616e64063b00547b0649220e73746174656d65"
                    + "6e74063b005449220f636f756e7472793d756b063b0054";

            byte[] ours = RubyMarshal.dump(CompoundParser.parse("fstat(\"/etc/hosts\").md5=/abc/ and country=uk"));

            assertThat(HexFormat.of().formatHex(ours)).isEqualTo(ruby);
        }

        @Test
        void shouldLeaveOutTheValueKeyWhenTheCallHasNoField() {
            assertThat(fstatement("fstat('/etc/hosts')=x").keySet())
                    .containsExactly("r_compare", "operator", "name", "params");
        }

        @Test
        void shouldGiveNullParametersForAnEmptyCall() {
            assertThat(fstatement("foo().bar=1")).containsEntry("params", null);
        }

        @Test
        void shouldRefuseAnInvalidRegularExpression() {
            assertThatThrownBy(() -> CompoundParser.parse("fstat('/x').md5=/(/"))
                    .isInstanceOf(CompoundFilterException.class)
                    .hasMessage("Invalid regular expression /(/ in data function call 'fstat('/x').md5=/(/' in -S"
                            + " input fstat('/x').md5=/(/");
        }

        @Test
        void shouldExplainABareCallInsteadOfCrashingAsRubyDoes() {
            assertThatThrownBy(() -> CompoundParser.parse("foo('bar')"))
                    .isInstanceOf(CompoundFilterException.class)
                    .hasMessage("Data function call 'foo('bar')' has no comparison, write for example"
                            + " foo('bar').value=1 in -S input foo('bar')");
        }

        private Map<String, Object> fstatement(String input) {
            List<Map<String, Object>> stack = CompoundParser.parse(input);
            assertThat(stack).hasSize(1);
            @SuppressWarnings("unchecked")
            Map<String, Object> function = (Map<String, Object>) stack.get(0).get("fstatement");
            return function;
        }
    }

    /** Q-3: the client refuses what Ruby accepts but can never match; the Ruby-exact builder still accepts it. */
    @Nested
    class UnsupportedComparisons {
        @Test
        void shouldRefuseNotEqualsInAStatementAndSuggestNot() {
            assertThatThrownBy(() -> CompoundParser.parse("country!=de"))
                    .isInstanceOf(CompoundFilterException.class)
                    .hasMessage("-S statement 'country!=de' uses '!=', which compound filters do not support (it"
                            + " would look for a fact 'country!'): write 'not country=de' in -S input country!=de");
        }

        @Test
        void shouldRefuseRegexOperatorInAStatementAndSuggestSlashes() {
            assertThatThrownBy(() -> CompoundParser.parse("apache and country=~uk"))
                    .isInstanceOf(CompoundFilterException.class)
                    .hasMessage("-S statement 'country=~uk' uses '=~', which compound filters do not support (it"
                            + " would compare with '~uk'): write 'country=/uk/' in -S input apache and country=~uk");
        }

        @Test
        void shouldStillBuildRubysStatementsForThemWhenAskedForRubysCallstack() {
            assertThat(CompoundParser.rubyCallstack("country!=de")).containsExactly(Map.of("statement", "country!=de"));
            assertThat(CompoundParser.rubyCallstack("country=~uk")).containsExactly(Map.of("statement", "country=~uk"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"/a!=b/", "a>=1", "a<=~", "fstat('/x').size!=0", "country=/!=/"})
        void shouldAcceptOtherStatementsThatContainTheseCharacters(String input) {
            assertThat(CompoundParser.parse(input)).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=1 and and b=2", "and a=1", "a=1 or", "a=1 b=2", "()"})
    void shouldReportParseErrorsWithTheWholeInputOnOneLine(String input) {
        assertThatThrownBy(() -> CompoundParser.parse(input))
                .isInstanceOf(CompoundFilterException.class)
                .hasMessage("Parse errors found while parsing -S input " + input);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a=1", "a=1)", "((a=1)"})
    void shouldReportMissingParentheses(String input) {
        assertThatThrownBy(() -> CompoundParser.parse(input))
                .isInstanceOf(CompoundFilterException.class)
                .hasMessage("Missing parenthesis found while parsing -S input " + input);
    }

    @Test
    void shouldReportATrailingBackslashInARegexAsRubysScannerDoes() {
        assertThatThrownBy(() -> CompoundParser.parse("a=/x\\"))
                .isInstanceOf(CompoundFilterException.class)
                .hasMessage("An exception was raised while trying to tokenize 'a=/x\\ - no implicit conversion of nil"
                        + " into String'");
    }

    static List<String> inputs() throws IOException {
        List<String> inputs = new ArrayList<>();
        try (InputStream in = resource("compound-inputs.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    inputs.add(line.replace("\\t", "\t"));
                }
            }
        }
        return inputs;
    }

    private static InputStream resource(String name) {
        InputStream in = CompoundParserTest.class.getResourceAsStream(name);
        assertThat(in).as("test resource %s", name).isNotNull();
        return in;
    }

    /** The callstack as JSON-able data, a Regexp written as ruby-callstacks.rb writes it. */
    private static Object plain(Object value) {
        if (value instanceof RubyRegexp regexp) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("regexp", regexp.source());
            map.put("options", regexp.options());
            return map;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, plain(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CompoundParserTest::plain).toList();
        }
        return value;
    }
}
