package mcollective.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.protocol.codec.RubySymbol;

class FilterTest {

    static Map<Object, Object> fact(String fact, String value, String operator) {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(RubySymbol.of("fact"), fact);
        map.put(RubySymbol.of("value"), value);
        map.put(RubySymbol.of("operator"), operator);
        return map;
    }

    static Map<Object, Object> rubyEmptyFilter() {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (String key : List.of("fact", "cf_class", "agent", "identity", "compound")) {
            map.put(key, new ArrayList<>());
        }
        return map;
    }

    @Nested
    class ToRuby {
        @Test
        void shouldMatchTheAllFiltersGoldenFrame() {
            // frames/psk-request-discovery-ping-all-filters.txt, :filter of the outer envelope
            Map<Object, Object> golden = new LinkedHashMap<>();
            golden.put("fact", List.of(fact("chef_environment", "dev", "=="), fact("platform", "centos", "==")));
            golden.put("cf_class", List.of("role.base"));
            golden.put("agent", List.of("rpcutil"));
            golden.put("identity", List.of("/node/"));
            golden.put("compound", List.of());
            golden.put("collective", "mcollective");

            Map<Object, Object> wire = Filter.builder()
                    .addFact("chef_environment=dev")
                    .addFact("platform=centos")
                    .addClass("role.base")
                    .addAgent("rpcutil")
                    .addIdentity("/node/")
                    .collective("mcollective")
                    .build()
                    .toRuby();

            assertThat(wire.keySet()).containsExactlyElementsOf(golden.keySet());
            assertThat(wire).isEqualTo(golden);
            assertThat(((List<?>) wire.get("fact")).get(0))
                    .asInstanceOf(InstanceOfAssertFactories.MAP)
                    .containsOnlyKeys(RubySymbol.of("fact"), RubySymbol.of("value"), RubySymbol.of("operator"));
        }

        @Test
        void shouldMatchTheCompoundGoldenFrame() {
            // frames/psk-request-discovery-ping-compound-filter.txt
            List<Map<String, Object>> callstack = List.of(
                    Map.of("statement", "platform=centos"),
                    Map.of("and", "and"),
                    Map.of("statement", "chef_environment=dev"));
            Map<Object, Object> golden = new LinkedHashMap<>();
            golden.put("fact", List.of());
            golden.put("cf_class", List.of());
            golden.put("agent", List.of("rpcutil"));
            golden.put("identity", List.of());
            golden.put("compound", List.of(callstack));
            golden.put("collective", "mcollective");

            Map<Object, Object> wire = Filter.builder()
                    .addAgent("rpcutil")
                    .addCompound(callstack)
                    .collective("mcollective")
                    .build()
                    .toRuby();

            assertThat(wire.keySet()).containsExactlyElementsOf(golden.keySet());
            assertThat(wire).isEqualTo(golden);
        }

        @Test
        void shouldWriteTheFiveKeyEmptyFilterWithoutCollective() {
            // frames/psk-request-discovery-ping.txt
            Map<Object, Object> wire = Filter.empty().toRuby();

            assertThat(wire.keySet()).containsExactly("fact", "cf_class", "agent", "identity", "compound");
            assertThat(wire).isEqualTo(rubyEmptyFilter());
        }
    }

    @Nested
    class FromRuby {
        @Test
        void shouldReadTheAllFiltersFrame() {
            Map<Object, Object> wire = rubyEmptyFilter();
            wire.put("fact", List.of(fact("platform", "centos", "==")));
            wire.put("identity", List.of("/node/"));
            wire.put("collective", "mcollective");

            Filter filter = Filter.fromRuby(wire);

            assertThat(filter.fact()).containsExactly(new FactFilter("platform", "==", "centos"));
            assertThat(filter.identity()).containsExactly("/node/");
            assertThat(filter.collective()).contains("mcollective");
            assertThat(filter.toRuby()).isEqualTo(wire);
        }

        @Test
        void shouldMatchAllNodesForTheFiveKeyEmptyFilterAndForAnEmptyHash() {
            assertThat(Filter.fromRuby(rubyEmptyFilter()).matchesAllNodes()).isTrue();
            assertThat(Filter.fromRuby(Map.of()).matchesAllNodes()).isTrue();
        }

        @Test
        void shouldMatchNobodyWhenOnlyTheCollectiveIsSet() {
            Map<Object, Object> wire = rubyEmptyFilter();
            wire.put("collective", "mcollective");

            assertThat(Filter.fromRuby(wire).matchesAllNodes()).isFalse();
            assertThat(Filter.fromRuby(Map.of("collective", "mcollective")).matchesAllNodes())
                    .isFalse();
        }

        @Test
        void shouldMatchNobodyWhenAnExtraOrMissingKeyBreaksTheEmptyShape() {
            Map<Object, Object> extra = rubyEmptyFilter();
            extra.put("other", List.of());

            assertThat(Filter.fromRuby(extra).standardShape()).isFalse();
            assertThat(Filter.fromRuby(extra).matchesAllNodes()).isFalse();
            assertThat(Filter.fromRuby(Map.of("fact", List.of())).matchesAllNodes())
                    .isFalse();
        }

        @Test
        void shouldTreatTheLegacyPuppetClassKeyAsClasses() {
            Filter filter = Filter.fromRuby(Map.of("puppet_class", List.of("apache")));

            assertThat(filter.cfClass()).containsExactly("apache");
            assertThat(filter.standardShape()).isFalse();
        }

        @Test
        void shouldRejectSomethingThatIsNotAHash() {
            assertThatThrownBy(() -> Filter.fromRuby("fact=1"))
                    .isInstanceOf(InvalidFilterException.class)
                    .hasMessageContaining("String fact=1");
            assertThatThrownBy(() -> Filter.fromRuby(null))
                    .isInstanceOf(InvalidFilterException.class)
                    .hasMessageContaining("nil");
        }

        @Test
        void shouldRejectAListThatIsNotAnArray() {
            Map<Object, Object> wire = rubyEmptyFilter();
            wire.put("identity", "node1");

            assertThatThrownBy(() -> Filter.fromRuby(wire))
                    .isInstanceOf(InvalidFilterException.class)
                    .hasMessageContaining("'identity'")
                    .hasMessageContaining("node1");
        }

        @Test
        void shouldRejectAnElementOfTheWrongType() {
            Map<Object, Object> wire = rubyEmptyFilter();
            wire.put("agent", List.of("rpcutil", 42L));

            assertThatThrownBy(() -> Filter.fromRuby(wire))
                    .isInstanceOf(InvalidFilterException.class)
                    .hasMessageContaining("Long 42");
        }

        @Test
        void shouldRejectAFactEntryThatIsNotAHash() {
            Map<Object, Object> wire = rubyEmptyFilter();
            wire.put("fact", List.of("country=uk"));

            assertThatThrownBy(() -> Filter.fromRuby(wire)).isInstanceOf(InvalidFilterException.class);
        }

        @Test
        void shouldRejectCompoundTokensThatAreNotHashes() {
            Map<Object, Object> notAStack = rubyEmptyFilter();
            notAStack.put("compound", List.of("a=1"));
            Map<Object, Object> notAToken = rubyEmptyFilter();
            notAToken.put("compound", List.of(List.of("a=1")));
            Map<Object, Object> symbolKey = rubyEmptyFilter();
            symbolKey.put("compound", List.of(List.of(Map.of(RubySymbol.of("statement"), "a=1"))));

            assertThatThrownBy(() -> Filter.fromRuby(notAStack)).isInstanceOf(InvalidFilterException.class);
            assertThatThrownBy(() -> Filter.fromRuby(notAToken)).isInstanceOf(InvalidFilterException.class);
            assertThatThrownBy(() -> Filter.fromRuby(symbolKey)).isInstanceOf(InvalidFilterException.class);
        }

        @Test
        void shouldIgnoreANonStringCollectiveButStillMatchNobodyWithoutCriteria() {
            Map<Object, Object> wire = rubyEmptyFilter();
            wire.put("collective", 1L);

            Filter filter = Filter.fromRuby(wire);

            assertThat(filter.collective()).isEmpty();
            assertThat(filter.matchesAllNodes()).isFalse();
        }

        @Test
        void shouldNotShareMutableStateWithTheWireMaps() {
            List<Object> stack = new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("statement", "a=1"))));
            Map<Object, Object> wire = rubyEmptyFilter();
            wire.put("compound", new ArrayList<>(List.of(stack)));

            Filter filter = Filter.fromRuby(wire);
            stack.clear();

            assertThat(filter.compound()).containsExactly(List.of(Map.of("statement", "a=1")));
            assertThatThrownBy(() -> filter.compound().get(0).get(0).put("x", "y"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Builder {
        @Test
        void shouldBuildAnEmptyFilterThatMatchesAllNodes() {
            assertThat(Filter.builder().build()).isEqualTo(Filter.empty());
            assertThat(Filter.empty().isEmpty()).isTrue();
            assertThat(Filter.empty().matchesAllNodes()).isTrue();
        }

        @Test
        void shouldNotCountTheCollectiveAsACriterion() {
            Filter filter = Filter.builder().collective("mcollective").build();

            assertThat(filter.isEmpty()).isTrue();
            assertThat(filter.matchesAllNodes()).isFalse();
        }
    }
}
