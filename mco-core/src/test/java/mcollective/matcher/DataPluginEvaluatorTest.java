package mcollective.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import mcollective.McollectiveException;
import mcollective.ddl.DdlException;
import mcollective.protocol.Filter;
import mcollective.spi.DataPlugin;

/** Data functions in {@code -S}, with Ruby's comparison rules, on plugins that answer fixed outputs. */
class DataPluginEvaluatorTest {
    private final TestNode node = TestNode.web1();
    private final List<Optional<String>> queried = new ArrayList<>();

    private final DataPlugin sample = plugin("sample", argument -> {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("text", "present");
        result.put("count", 4);
        result.put("big", 10_000_000_000L);
        result.put("ratio", 0.5);
        result.put("yes", true);
        result.put("no", false);
        result.put("digits", "42");
        return result;
    });

    private boolean eval(String filter) {
        DataPluginEvaluator functions =
                new DataPluginEvaluator(Map.of("sample", sample, "picky", picky(), "broken", plugin("broken", a -> {
                    throw new McollectiveException("No agent called x found");
                })));
        return new FilterEvaluator(new DefaultCompoundEvaluator(functions))
                .evaluate(
                        Filter.builder()
                                .addCompound(CompoundParser.parse(filter))
                                .build(),
                        node)
                .passed();
    }

    @Nested
    class Comparisons {
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "sample('x').text=present | true",
                    "sample('x').text!=present | false",
                    "sample('x').text=/^pre/ | true",
                    "sample('x').text=/SENT/ | false",
                    "sample('x').text!=/^pre/ | false",
                    "sample('x').text>a | false",
                    "sample('x').text<=zzz | false",
                    "sample('x').count=4 | true",
                    "sample('x').count>3 | true",
                    "sample('x').count<=3 | false",
                    "sample('x').count=4.0 | true",
                    "sample('x').count=0x4 | true",
                    "sample('x').count=04 | true",
                    "sample('x').count>=1_0 | false",
                    "sample('x').big>9999999999 | true",
                    "sample('x').ratio<1 | true",
                    "sample('x').ratio=.5 | true",
                    "sample('x').count=/4/ | false",
                    "sample('x').yes=true | true",
                    "sample('x').no=false | true",
                    "sample('x').yes!=false | true",
                    "sample('x').yes>false | false",
                    "sample('x').digits=42 | true",
                    "sample('x').digits>41 | false",
                    "sample('x').nosuch=1 | false",
                    "sample('x')=x | false",
                    "sample('x')!=x | true",
                })
        void shouldCompareAsRubyDoes(String filter, boolean expected) {
            assertThat(eval(filter)).isEqualTo(expected);
        }

        @Test
        void shouldMakeTheWholeCallstackFalseForANumberRubyCannotRead() {
            assertThat(eval("sample('x').count=4x or country=uk")).isFalse();
            assertThat(eval("sample('x').yes=maybe or country=uk")).isFalse();
        }

        @Test
        void shouldNegateAFunctionWithNot() {
            assertThat(eval("not sample('x').count=5")).isTrue();
            assertThat(eval("!sample('x').text=/pre/ or country=de")).isFalse();
        }
    }

    @Nested
    class Refusals {
        @Test
        void shouldMakeTheWholeCallstackFalseForAnUnknownPlugin() {
            assertThat(eval("nosuch('x').value=1")).isFalse();
            assertThat(eval("not nosuch('x').value=1")).isFalse();
            assertThat(eval("country=uk or nosuch('x').value=1")).isFalse();
        }

        @Test
        void shouldNotRunAQueryWithABacktickAndCompareFalse() {
            assertThat(eval("sample('`id`').text=present")).isFalse();
            assertThat(queried).isEmpty();
            assertThat(eval("not sample('`id`').text=present")).isTrue();
        }

        @Test
        void shouldMakeTheWholeCallstackFalseWhenTheDdlRefusesTheArgument() {
            assertThat(eval("not picky('bad').text=x")).isFalse();
            assertThat(eval("picky('good').text=present")).isTrue();
        }

        @Test
        void shouldMakeTheWholeCallstackFalseWhenAQueryFails() {
            assertThat(eval("not broken('x').text=x")).isFalse();
        }

        @Test
        void shouldMakeTheWholeCallstackFalseWhenAQueryTimesOut() {
            CountDownLatch never = new CountDownLatch(1);
            DataPlugin slow = new FixedPlugin(
                    "slow",
                    a -> {
                        try {
                            never.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return Map.of("text", "late");
                    },
                    Duration.ofMillis(50));
            DataPluginEvaluator functions = new DataPluginEvaluator(Map.of("slow", slow));

            assertThatThrownBy(() -> functions.evaluate(
                            Map.of(
                                    "name",
                                    "slow",
                                    "params",
                                    "x",
                                    "value",
                                    "text",
                                    "operator",
                                    "==",
                                    "r_compare",
                                    "late"),
                            node))
                    .isInstanceOf(FilterEvaluationException.class)
                    .hasMessageContaining("Data plugin slow timed out on query 'x'");
        }
    }

    private DataPlugin picky() {
        return new FixedPlugin("picky", a -> Map.of("text", "present"), Duration.ofSeconds(1)) {
            @Override
            public void validate(Optional<String> argument) {
                if (!argument.orElse("").equals("good")) {
                    throw new DdlException("Cannot validate input query: value should match ^good$");
                }
            }
        };
    }

    private DataPlugin plugin(String name, Function<Optional<String>, Map<String, Object>> answer) {
        return new FixedPlugin(
                name,
                a -> {
                    queried.add(a);
                    return answer.apply(a);
                },
                Duration.ofSeconds(5));
    }

    private static class FixedPlugin implements DataPlugin {
        private final String name;
        private final Function<Optional<String>, Map<String, Object>> answer;
        private final Duration timeout;

        FixedPlugin(String name, Function<Optional<String>, Map<String, Object>> answer, Duration timeout) {
            this.name = name;
            this.answer = answer;
            this.timeout = timeout;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Duration timeout() {
            return timeout;
        }

        @Override
        public Map<String, Object> query(Optional<String> argument) {
            return answer.apply(argument);
        }
    }
}
