package mcollective.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.protocol.codec.RubySymbol;

class AbstractFactSourceTest {
    private final MutableClock clock = new MutableClock();

    /** Answers each load with the next scripted result. */
    private final class ScriptedSource extends AbstractFactSource {
        private final Deque<Supplier<Map<?, ?>>> loads = new ArrayDeque<>();
        int loadCount;
        boolean force;

        ScriptedSource(Duration cacheTime) {
            super(cacheTime, clock);
        }

        @SafeVarargs
        final ScriptedSource then(Supplier<Map<?, ?>>... results) {
            for (Supplier<Map<?, ?>> result : results) {
                loads.add(result);
            }
            return this;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        protected Map<?, ?> loadFacts() {
            loadCount++;
            return loads.isEmpty() ? Map.of("exhausted", "true") : loads.poll().get();
        }

        @Override
        protected boolean forceReload() {
            return force;
        }
    }

    private static Supplier<Map<?, ?>> facts(String key, String value) {
        return () -> Map.of(key, value);
    }

    private static Supplier<Map<?, ?>> failure() {
        return () -> {
            throw new IllegalStateException("backend down");
        };
    }

    @Nested
    class Caching {
        @Test
        void shouldLoadOnFirstUseAndCacheForTheCacheTime() {
            ScriptedSource source = new ScriptedSource(Duration.ofSeconds(300)).then(facts("a", "1"), facts("a", "2"));

            assertThat(source.facts()).containsEntry("a", "1");
            clock.advance(Duration.ofSeconds(300));
            assertThat(source.facts()).containsEntry("a", "1");
            clock.advance(Duration.ofSeconds(1));
            assertThat(source.facts()).containsEntry("a", "2");
            assertThat(source.loadCount).isEqualTo(2);
        }

        @Test
        void shouldReloadEarlyWhenTheSubclassAsks() {
            ScriptedSource source = new ScriptedSource(Duration.ofSeconds(300)).then(facts("a", "1"), facts("a", "2"));
            source.facts();

            source.force = true;

            assertThat(source.facts()).containsEntry("a", "2");
        }

        @Test
        void shouldAnswerSingleFactsFlat() {
            ScriptedSource source =
                    new ScriptedSource(Duration.ofSeconds(300)).then(() -> Map.of("os", Map.of("family", "RedHat")));

            assertThat(source.fact("os")).contains(Map.of("family", "RedHat"));
            assertThat(source.fact("os.family")).isEmpty();
        }
    }

    @Nested
    class Failures {
        @Test
        void shouldKeepTheLastGoodFactsWhenALoadFails() {
            ScriptedSource source =
                    new ScriptedSource(Duration.ofSeconds(10)).then(facts("a", "1"), failure(), facts("a", "3"));
            source.facts();
            clock.advance(Duration.ofSeconds(11));

            assertThat(source.facts()).containsExactly(Map.entry("a", "1"));
        }

        @Test
        void shouldWaitAFullCachePeriodBeforeRetryingAFailedLoad() {
            ScriptedSource source =
                    new ScriptedSource(Duration.ofSeconds(10)).then(facts("a", "1"), failure(), facts("a", "3"));
            source.facts();
            clock.advance(Duration.ofSeconds(11));
            source.facts();

            clock.advance(Duration.ofSeconds(10));
            assertThat(source.facts()).containsEntry("a", "1");
            clock.advance(Duration.ofSeconds(1));
            assertThat(source.facts()).containsEntry("a", "3");
            assertThat(source.loadCount).isEqualTo(3);
        }

        @Test
        void shouldTreatEmptyFactsAsAFailure() {
            ScriptedSource source = new ScriptedSource(Duration.ZERO).then(facts("a", "1"), HashMap::new);
            source.facts();
            clock.advance(Duration.ofSeconds(1));

            assertThat(source.facts()).containsExactly(Map.entry("a", "1"));
        }

        @Test
        void shouldHaveNoFactsIfNoLoadEverWorked() {
            ScriptedSource source = new ScriptedSource(Duration.ofSeconds(10)).then(failure());

            assertThat(source.facts()).isEmpty();
            assertThat(source.fact("a")).isEmpty();
        }
    }

    @Nested
    class Normalisation {
        @Test
        void shouldStringifyScalarsAndKeysRecursivelyAsRubyToS() {
            Map<Object, Object> raw = new LinkedHashMap<>();
            raw.put("processorcount", 2L);
            raw.put("virtual", true);
            raw.put("load", 1.5);
            raw.put("nothing", null);
            raw.put(42L, "answer");
            raw.put(RubySymbol.of("sym"), RubySymbol.of("value"));
            raw.put("big", new BigInteger("123456789012345678901234567890"));
            raw.put("nested", Map.of("count", 3L, "list", List.of(1L, false)));
            ScriptedSource source = new ScriptedSource(Duration.ofSeconds(10)).then(() -> raw);

            Map<String, Object> facts = source.facts();

            assertThat(facts)
                    .containsEntry("processorcount", "2")
                    .containsEntry("virtual", "true")
                    .containsEntry("load", "1.5")
                    .containsEntry("nothing", "")
                    .containsEntry("42", "answer")
                    .containsEntry("sym", "value")
                    .containsEntry("big", "123456789012345678901234567890")
                    .containsEntry("nested", Map.of("count", "3", "list", List.of("1", "false")));
        }

        @Test
        void shouldReturnImmutableFacts() {
            ScriptedSource source =
                    new ScriptedSource(Duration.ofSeconds(10)).then(() -> Map.of("nested", Map.of("a", 1L)));

            assertThatThrownBy(() -> source.facts().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> nested = (Map<String, Object>) source.facts().get("nested");
            assertThatThrownBy(() -> nested.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
