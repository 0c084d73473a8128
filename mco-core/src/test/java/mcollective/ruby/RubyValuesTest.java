package mcollective.ruby;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** to_s, inspect and the boolean readings, the latter against {@code numbers.jsonl}. */
class RubyValuesTest {

    static List<String> disagreements(String column, Function<String, Optional<Boolean>> actual) {
        List<String> wrong = new ArrayList<>();
        for (Map<String, Object> vector : RubyNumbersTest.VECTORS) {
            String text = (String) vector.get("text");
            Object expected = vector.get(column);
            Object got = actual.apply(text).orElse(null);
            if (expected != got && (expected == null || !expected.equals(got))) {
                wrong.add(RubyValues.inspect(text) + ": Ruby " + expected + ", Java " + got);
            }
        }
        return wrong;
    }

    @Nested
    class StrToBool {
        @Test
        void shouldAgreeWithUtilStrToBoolOnEveryVector() {
            assertThat(disagreements("str_to_bool", RubyValues::strToBool)).isEmpty();
        }

        @Test
        void shouldStripTheValueAndMatchAnyLineAsRubyDoes() {
            assertThat(RubyValues.strToBool(" Yes ")).contains(true);
            assertThat(RubyValues.strToBool("f\t")).contains(false);
            assertThat(RubyValues.strToBool("no\nyes")).contains(true);
            assertThat(RubyValues.strToBool("on")).isEmpty();
        }
    }

    @Nested
    class StringToBoolean {
        @Test
        void shouldAgreeWithDdlStringToBooleanOnEveryVector() {
            assertThat(disagreements("string_to_boolean", RubyValues::stringToBoolean))
                    .isEmpty();
        }
    }

    @Nested
    class ToS {
        @Test
        void shouldPrintNilAsEmptyAndFloatsAsRuby() {
            assertThat(RubyValues.toS(null)).isEmpty();
            assertThat(RubyValues.toS(1e16)).isEqualTo("1.0e+16");
            assertThat(RubyValues.toS(1.5f)).isEqualTo("1.5");
            assertThat(RubyValues.toS(new BigInteger("123456789012345678901234567890")))
                    .isEqualTo("123456789012345678901234567890");
            assertThat(RubyValues.toS(true)).isEqualTo("true");
        }

        @Test
        void shouldLetARubyObjectPrintItself() {
            RubyObject symbol = new RubyObject() {
                @Override
                public String toS() {
                    return "agent";
                }

                @Override
                public String inspect() {
                    return ":agent";
                }
            };
            assertThat(RubyValues.toS(symbol)).isEqualTo("agent");
            assertThat(RubyValues.inspect(List.of(symbol))).isEqualTo("[:agent]");
        }
    }

    @Nested
    class Inspect {
        @Test
        void shouldQuoteAndEscapeAsStringInspect() {
            assertThat(RubyValues.inspect("a\"b\\c\n#{x} #y\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\#{x} #y\\u0001\"");
            assertThat(RubyValues.inspect(null)).isEqualTo("nil");
        }

        @Test
        void shouldInspectCollectionsAsRuby31() {
            Map<Object, Object> hash = new LinkedHashMap<>();
            hash.put("a", 1L);
            hash.put("b", List.of(1.0e20, "x"));
            assertThat(RubyValues.inspect(hash)).isEqualTo("{\"a\"=>1, \"b\"=>[1.0e+20, \"x\"]}");
        }
    }

    @Test
    void shouldCompareStringsByTheirUtf8Bytes() {
        assertThat(RubyValues.compareStrings("B", "a")).isNegative();
        assertThat(RubyValues.compareStrings("\u00e9", "z")).isPositive();
        assertThat(RubyValues.compareStrings("ab", "ab")).isZero();
        assertThat(RubyValues.compareStrings("a", "ab")).isNegative();
    }

    @Test
    void shouldStripRubysWhiteSpaceOnly() {
        assertThat(RubyValues.strip("\u000b\f x \r\n")).isEqualTo("x");
        assertThat(RubyValues.strip("\u00a0x")).isEqualTo("\u00a0x");
    }
}
