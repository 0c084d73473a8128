package mcollective.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import mcollective.protocol.codec.RubySymbol;

class FactFilterTest {

    @Nested
    class Parse {
        // reference/MCOLLECTIVE.md §5.3, verified against Ruby's Util.parse_fact_string
        @ParameterizedTest(name = "{0} -> {1} {2} {3}")
        @CsvSource(
                delimiterString = " | ",
                value = {
                    "country=uk      | country | ==  | uk",
                    "os = linux      | os      | ==  | linux",
                    "country=/uk|us/ | country | =~  | /uk|us/",
                    "x=~^d           | x       | =~  | ^d",
                    "cpus>=2         | cpus    | >=  | 2",
                    "cpus=>2         | cpus    | >=  | 2",
                    "cpus<=4         | cpus    | <=  | 4",
                    "cpus=<4         | cpus    | <=  | 4",
                    "cpus<4          | cpus    | <   | 4",
                    "cpus>2          | cpus    | >   | 2",
                    "a!=b            | a       | !=  | b",
                    "x==y            | x       | ==  | y",
                    "a.b.c=1         | a.b.c   | ==  | 1",
                })
        void shouldParseEveryDocumentedForm(String input, String fact, String operator, String value) {
            assertThat(FactFilter.parse(input)).isEqualTo(new FactFilter(fact, operator, value));
        }

        @Test
        void shouldAllowSpacesAroundExplicitOperators() {
            assertThat(FactFilter.parse("cpus >= 2")).isEqualTo(new FactFilter("cpus", ">=", "2"));
        }

        @Test
        void shouldRejectAStringWithoutOperatorNamingIt() {
            assertThatThrownBy(() -> FactFilter.parse("apache"))
                    .isInstanceOf(InvalidFilterException.class)
                    .hasMessage("Could not parse fact apache it does not appear to be in a valid format");
        }
    }

    @Nested
    class Wire {
        @Test
        void shouldWriteSymbolKeysInRubyOrder() {
            Map<Object, Object> wire = new FactFilter("platform", "==", "centos").toRuby();

            assertThat(wire.keySet())
                    .containsExactly(RubySymbol.of("fact"), RubySymbol.of("value"), RubySymbol.of("operator"));
            assertThat(wire.values()).containsExactly("platform", "centos", "==");
        }

        @Test
        void shouldReadWhatItWrites() {
            FactFilter filter = new FactFilter("cpus", ">=", "2");

            assertThat(FactFilter.fromRuby(filter.toRuby())).isEqualTo(filter);
        }

        @Test
        void shouldRejectStringKeysWhichRubyWouldNotFind() {
            assertThatThrownBy(() -> FactFilter.fromRuby(Map.of("fact", "a", "value", "b", "operator", "==")))
                    .isInstanceOf(InvalidFilterException.class)
                    .hasMessageContaining(":fact");
        }

        @Test
        void shouldRejectANonStringValue() {
            Map<Object, Object> wire = new FactFilter("cpus", "==", "2").toRuby();
            wire.put(RubySymbol.of("value"), 2L);

            assertThatThrownBy(() -> FactFilter.fromRuby(wire))
                    .isInstanceOf(InvalidFilterException.class)
                    .hasMessageContaining(":value")
                    .hasMessageContaining("Long 2");
        }
    }
}
