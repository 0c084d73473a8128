package mcollective.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.protocol.Filter;

class DefaultCompoundEvaluatorTest {
    private final TestNode node = TestNode.web1();
    private final DefaultCompoundEvaluator evaluator = new DefaultCompoundEvaluator();

    /** Builds a callstack from tokens: "and", "or", "not", "(", ")" or a statement; "f:" marks an fstatement. */
    private static List<Map<String, Object>> stack(String... tokens) {
        List<Map<String, Object>> stack = new ArrayList<>();
        for (String token : tokens) {
            switch (token) {
                case "and", "or", "not", "(", ")" -> stack.add(Map.of(token, token));
                default ->
                    stack.add(
                            token.startsWith("f:")
                                    ? Map.of("fstatement", Map.of("name", token.substring(2)))
                                    : Map.of("statement", token));
            }
        }
        return stack;
    }

    private boolean eval(String... tokens) {
        return evaluator.evaluate(stack(tokens), node);
    }

    /**
     * reference/MCOLLECTIVE.md §5.4, rows verified on Ruby 2.12.5 without data functions; callstacks as produced by Ruby's
     * Matcher.create_compound_callstack.
     */
    @Nested
    class VerifiedTable {
        @Test
        void shouldMatchPlainFactComparisons() {
            assertThat(eval("country=uk")).isTrue();
            assertThat(eval("country=/^u/")).isTrue();
            assertThat(eval("cpus>3")).isTrue();
            assertThat(eval("version>2.9")).isFalse();
            assertThat(eval("list=one")).isTrue();
        }

        @Test
        void shouldNotTraverseStructuredFacts() {
            assertThat(eval("os.family=RedHat")).isFalse();
        }

        @Test
        void shouldNegateWithNot() {
            assertThat(eval("not", "country=de")).isTrue(); // -S '!country=de'
        }

        @Test
        void shouldKeepTheBrokenNotEqualsAndRegexOperators() {
            // quirk Q-3: "country!=de" compares the fact "country!", "country=~uk" compares with "~uk"
            assertThat(eval("country!=de")).isFalse();
            assertThat(eval("country=~uk")).isFalse();
        }

        @Test
        void shouldCombineWithOrAndParentheses() {
            // country=uk or (cpus>100 and apache)
            assertThat(eval("country=uk", "or", "(", "cpus>100", "and", "apache", ")"))
                    .isTrue();
        }

        @Test
        void shouldTreatDataFunctionsAsFalseForNow() {
            assertThat(eval("f:fstat")).isFalse();
            assertThat(eval("f:nosuch")).isFalse();
        }
    }

    @Nested
    class Statements {
        @Test
        void shouldTreatWordsWithoutComparisonAsClassNames() {
            assertThat(eval("profile::base")).isTrue();
            assertThat(eval("role.web")).isTrue();
            assertThat(eval("nginx")).isFalse();
        }

        @Test
        void shouldTreatASlashAsAClassRegex() {
            assertThat(eval("country=uk", "and", "/apache/")).isTrue();
            assertThat(eval("/^role/")).isTrue();
        }

        @Test
        void shouldReadTheReversedOperatorAsEqualsLikeRuby() {
            // "cpus=>2" splits on "=": fact cpus == ">2"
            assertThat(eval("cpus=>2")).isFalse();
        }

        @Test
        void shouldFailAStatementWithoutValue() {
            assertThatThrownBy(() -> eval("country=")).isInstanceOf(FilterEvaluationException.class);
        }
    }

    @Nested
    class Expressions {
        @Test
        void shouldBindAndTighterThanOr() {
            assertThat(eval("country=uk", "or", "nginx", "and", "nginx")).isTrue();
            assertThat(eval("(", "country=uk", "or", "nginx", ")", "and", "nginx"))
                    .isFalse();
        }

        @Test
        void shouldBindNotTighterThanAnd() {
            assertThat(eval("not", "nginx", "and", "apache")).isTrue();
            assertThat(eval("not", "(", "nginx", "or", "apache", ")")).isFalse();
            assertThat(eval("not", "not", "apache")).isTrue();
        }

        @Test
        void shouldBeFalseForAnEmptyCallstack() {
            assertThat(eval()).isFalse();
        }

        @Test
        void shouldIgnoreUnknownTokensLikeRuby() {
            List<Map<String, Object>> stack = new ArrayList<>(stack("apache"));
            stack.add(Map.of("xor", "xor"));
            stack.add(Map.of());

            assertThat(evaluator.evaluate(stack, node)).isTrue();
        }

        @Test
        void shouldRejectMalformedCallstacks() {
            assertThatThrownBy(() -> eval("apache", "apache")).isInstanceOf(FilterEvaluationException.class);
            assertThatThrownBy(() -> eval("apache", "and")).isInstanceOf(FilterEvaluationException.class);
            assertThatThrownBy(() -> eval("(", "apache")).isInstanceOf(FilterEvaluationException.class);
            assertThatThrownBy(() -> eval("apache", ")")).isInstanceOf(FilterEvaluationException.class);
        }

        @Test
        void shouldRejectAStatementThatIsNotAString() {
            assertThatThrownBy(() -> evaluator.evaluate(List.of(Map.of("statement", 42L)), node))
                    .isInstanceOf(FilterEvaluationException.class)
                    .hasMessageContaining("42");
        }
    }

    @Nested
    class InAFilter {
        @Test
        void shouldAndSeveralCallstacks() {
            FilterEvaluator filters = new FilterEvaluator(evaluator);
            Filter both = Filter.builder()
                    .addCompound(stack("apache"))
                    .addCompound(stack("country=uk"))
                    .build();
            Filter one = Filter.builder()
                    .addCompound(stack("apache"))
                    .addCompound(stack("country=de"))
                    .build();

            assertThat(filters.evaluate(both, node).passed()).isTrue();
            assertThat(filters.evaluate(one, node).passed()).isFalse();
        }

        @Test
        void shouldFilterOutAMalformedCallstackWithoutThrowing() {
            Filter filter = Filter.builder().addCompound(stack("apache", "or")).build();

            assertThat(new FilterEvaluator().evaluate(filter, node).passed()).isFalse();
        }

        @Test
        void shouldDelegateDataFunctions() {
            DataFunctionEvaluator functions = (function, n) -> "fstat".equals(function.get("name"));
            FilterEvaluator filters = new FilterEvaluator(new DefaultCompoundEvaluator(functions));

            assertThat(filters.evaluate(
                                    Filter.builder()
                                            .addCompound(stack("f:fstat", "and", "apache"))
                                            .build(),
                                    node)
                            .passed())
                    .isTrue();
            assertThat(filters.evaluate(
                                    Filter.builder()
                                            .addCompound(stack("f:other"))
                                            .build(),
                                    node)
                            .passed())
                    .isFalse();
        }
    }
}
