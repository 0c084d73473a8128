package mcollective.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import mcollective.protocol.FactFilter;
import mcollective.protocol.Filter;

class FilterEvaluatorTest {
    private final FilterEvaluator evaluator = new FilterEvaluator();
    private final TestNode node = TestNode.web1();

    private boolean passes(Filter filter) {
        return evaluator.evaluate(filter, node).passed();
    }

    private boolean passes(Filter.Builder builder) {
        return passes(builder.build());
    }

    @Nested
    class EmptyFilters {
        @Test
        void shouldPassTheEmptyFilter() {
            assertThat(evaluator.evaluate(Filter.empty(), node)).isEqualTo(new FilterResult(true, 1, 0));
        }

        @Test
        void shouldFilterOutAnEmptyFilterThatCarriesACollective() {
            assertThat(passes(Filter.builder().collective("mcollective"))).isFalse();
        }

        @Test
        void shouldFilterOutAWireFilterWithAnExtraKey() {
            Map<Object, Object> wire = new LinkedHashMap<>(Filter.empty().toRuby());
            wire.put("junk", new ArrayList<>());

            assertThat(passes(Filter.fromRuby(wire))).isFalse();
        }

        @Test
        void shouldPassAFilterWithCriteriaAndACollective() {
            assertThat(passes(Filter.builder().addAgent("rpcutil").collective("mcollective")))
                    .isTrue();
        }
    }

    @Nested
    class Identity {
        @Test
        void shouldPassOnTheExactIdentity() {
            assertThat(passes(Filter.builder().addIdentity("web1.example.net"))).isTrue();
            assertThat(passes(Filter.builder().addIdentity("web1"))).isFalse();
        }

        @Test
        void shouldPassOnARegexSearchedAnywhere() {
            assertThat(passes(Filter.builder().addIdentity("/example/"))).isTrue();
            assertThat(passes(Filter.builder().addIdentity("/^db/"))).isFalse();
        }

        @Test
        void shouldPassWhenOneOfSeveralIdentitiesMatches() {
            assertThat(passes(Filter.builder().addIdentity("db1").addIdentity("web1.example.net")))
                    .isTrue();
        }

        @Test
        void shouldFilterOutWhenTwoIdentityEntriesMatchTheSameNode() {
            // quirk Q-2, verified on Ruby 2.12.5: -I web1 -I /web/ selects nothing on web1
            assertThat(passes(Filter.builder().addIdentity("web1.example.net").addIdentity("/web1/")))
                    .isFalse();
        }

        @Test
        void shouldStripEverySlashFromARegex() {
            // quirk Q-11: "/web1/.example/" becomes the regex "web1.example"
            assertThat(passes(Filter.builder().addIdentity("/web1/.example/"))).isTrue();
        }
    }

    @Nested
    class Agents {
        @Test
        void shouldRequireEveryListedAgent() {
            assertThat(passes(Filter.builder().addAgent("rpcutil").addAgent("discovery")))
                    .isTrue();
            assertThat(passes(Filter.builder().addAgent("rpcutil").addAgent("puppet")))
                    .isFalse();
        }

        @Test
        void shouldAlwaysPassThePseudoAgentMcollective() {
            assertThat(passes(Filter.builder().addAgent("mcollective"))).isTrue();
        }

        @Test
        void shouldMatchAgentRegexes() {
            assertThat(passes(Filter.builder().addAgent("/^rpc/"))).isTrue();
            assertThat(passes(Filter.builder().addAgent("/^pup/"))).isFalse();
        }
    }

    @Nested
    class Classes {
        @Test
        void shouldMatchWholeLinesOnly() {
            assertThat(passes(Filter.builder().addClass("profile::base"))).isTrue();
            assertThat(passes(Filter.builder().addClass("profile"))).isFalse();
        }

        @Test
        void shouldMatchClassRegexesAndAndThem() {
            assertThat(passes(Filter.builder().addClass("/^role\\./").addClass("apache")))
                    .isTrue();
            assertThat(passes(Filter.builder().addClass("/^role\\./").addClass("nginx")))
                    .isFalse();
        }
    }

    @Nested
    class Facts {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "country=uk, true",
            "country=de, false",
            "country=/^u/, true",
            "country=~^u, true",
            "country!=de, true",
            "country!=uk, false",
            "cpus>3, true",
            "cpus>=4, true",
            "cpus<4, false",
            "cpus>10, false", // numeric: 4 < 10, although "4" > "10" as strings
            "version>2.9, false", // float compare: 2.10 is 2.1
            "version<2.9, true",
            "version==2.10, true",
            "list=one, true", // Array facts: any element
            "list=/^tw/, true",
            "list=three, false",
            "os=family, true", // Hash facts: any key
            "os=RedHat, false",
            "os.family=RedHat, false", // no traversal of structured facts
            "missing=x, false",
        })
        void shouldCompareFactsAsRubyDoes(String filter, boolean expected) {
            assertThat(passes(Filter.builder().addFact(filter))).isEqualTo(expected);
        }

        @Test
        void shouldCompareMixedValuesAsStrings() {
            // "2.5" vs "10": not both integers, not both floats -> byte-wise string comparison
            TestNode n = node.withFact("load", "2.5");
            assertThat(evaluator
                            .evaluate(Filter.builder().addFact("load>10").build(), n)
                            .passed())
                    .isTrue();
        }

        @Test
        void shouldReadLeadingZerosAsOctalLikeRubyInteger() {
            TestNode n = node.withFact("mode", "010");
            assertThat(evaluator
                            .evaluate(Filter.builder().addFact("mode<9").build(), n)
                            .passed())
                    .isTrue();
            // Integer("09") raises in Ruby and the request is dropped
            TestNode bad = node.withFact("mode", "09");
            assertThat(evaluator
                            .evaluate(Filter.builder().addFact("mode>1").build(), bad)
                            .passed())
                    .isFalse();
        }

        @Test
        void shouldReadFloatLookingValuesWithRubysFloat() {
            // "1e5" matches Ruby's ^[0-9]+.[0-9]+$ (the . is any character), and Float("1e5") is 100000.0
            TestNode n = node.withFact("size", "1e5");
            assertThat(evaluator
                            .evaluate(Filter.builder().addFact("size>2e4").build(), n)
                            .passed())
                    .isTrue();
            // Float("1x5") raises in Ruby and the request is dropped
            TestNode bad = node.withFact("size", "1x5");
            assertThat(evaluator
                            .evaluate(Filter.builder().addFact("size>2.5").build(), bad)
                            .passed())
                    .isFalse();
        }

        @Test
        void shouldRequireEveryFact() {
            assertThat(passes(Filter.builder().addFact("country=uk").addFact("cpus>3")))
                    .isTrue();
            assertThat(passes(Filter.builder().addFact("country=uk").addFact("cpus>8")))
                    .isFalse();
        }

        @Test
        void shouldNeverMatchAnUnknownOperator() {
            Filter filter = Filter.builder()
                    .addFact(new FactFilter("country", "<>", "uk"))
                    .build();
            assertThat(passes(filter)).isFalse();
        }
    }

    @Nested
    class HostileRegexes {
        @Test
        void shouldFilterOutAnInvalidRegexWithoutThrowing() {
            assertThat(passes(Filter.builder().addIdentity("/web(/"))).isFalse();
            assertThat(passes(Filter.builder().addFact("country=~[uk"))).isFalse();
        }

        @Test
        void shouldFilterOutAnInvalidRegexEvenUnderNot() {
            // Ruby's RegexpError aborts the whole check, so negation cannot turn it into a match
            Filter filter = Filter.builder()
                    .addCompound(List.of(Map.of("not", "not"), Map.of("statement", "country=/[uk/")))
                    .build();
            assertThat(passes(filter)).isFalse();
        }

        @Test
        void shouldGiveUpOnCatastrophicBacktracking() {
            TestNode n = node.withFact("payload", "a".repeat(40) + "!");
            Filter filter = Filter.builder().addFact("payload=~^(a+)+$").build();

            assertThat(evaluator.evaluate(filter, n).passed()).isFalse();
        }

        @Test
        void shouldTranslateRubyOnlyRegexSyntax() {
            TestNode n = node.withFact("serial", "00ff");
            assertThat(evaluator
                            .evaluate(
                                    Filter.builder().addFact("serial=/^\\h+$/").build(), n)
                            .passed())
                    .isTrue();
        }
    }

    @Nested
    class Results {
        @Test
        void shouldCountPassedAndFailedCriteria() {
            Filter filter = Filter.builder()
                    .addAgent("rpcutil")
                    .addFact("country=de")
                    .addClass("apache")
                    .build();

            assertThat(evaluator.evaluate(filter, node)).isEqualTo(new FilterResult(false, 2, 1));
        }

        @Test
        void shouldUseTheGivenCompoundEvaluator() {
            FilterEvaluator custom = new FilterEvaluator((callstack, n) -> true);
            Filter filter = Filter.builder()
                    .addCompound(List.of(Map.of("fstatement", Map.of())))
                    .build();

            assertThat(custom.evaluate(filter, node).passed()).isTrue();
            assertThat(evaluator.evaluate(filter, node).passed()).isFalse();
        }
    }
}
