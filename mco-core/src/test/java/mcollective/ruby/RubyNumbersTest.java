package mcollective.ruby;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Function;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Number readings against {@code numbers.jsonl}: what Ruby 3.1 answered for 133 awkward strings. */
class RubyNumbersTest {
    static final List<Map<String, Object>> VECTORS = RubyVectors.records("numbers.jsonl");

    /** The inputs where {@code actual} differs from Ruby's {@code column}, with both answers. */
    static List<String> disagreements(String column, Function<String, Object> actual) {
        List<String> wrong = new ArrayList<>();
        for (Map<String, Object> vector : VECTORS) {
            String text = (String) vector.get("text");
            Object expected = vector.get(column);
            Object got = actual.apply(text);
            if (!Objects.equals(expected, got)) {
                wrong.add(RubyValues.inspect(text) + ": Ruby " + expected + ", Java " + got);
            }
        }
        return wrong;
    }

    static String bits(double value) {
        return String.format("%016x", Double.doubleToRawLongBits(value));
    }

    @Nested
    class KernelInteger {
        @Test
        void shouldAgreeWithRubyOnEveryVector() {
            assertThat(disagreements(
                            "Integer",
                            t -> RubyNumbers.integer(t)
                                    .map(BigInteger::toString)
                                    .orElse(null)))
                    .isEmpty();
        }

        @Test
        void shouldAcceptWhatRubyIntegerAccepts() {
            Map<String, Integer> cases = Map.ofEntries(
                    Map.entry("0", 0),
                    Map.entry("00", 0),
                    Map.entry("0_7", 7),
                    Map.entry("0x1_f", 31),
                    Map.entry("0d12", 12),
                    Map.entry("+0x10", 16),
                    Map.entry("-017", -15),
                    Map.entry("0B11", 3),
                    Map.entry("0O17", 15),
                    Map.entry("\t12\n", 12),
                    Map.entry("1_000", 1000),
                    Map.entry("-0b11", -3));
            cases.forEach((text, value) ->
                    assertThat(RubyNumbers.integer(text)).as(text).contains(BigInteger.valueOf(value)));
        }

        @Test
        void shouldRejectWhatRubyIntegerRejects() {
            for (String text : new String[] {
                "0x_1f", "_1", "1_", "1__0", "0b", "0x", "0o", "0o_7", "1e3", "12abc", "08", "0_8", "", "- 1", "1.5"
            }) {
                assertThat(RubyNumbers.integer(text)).as(text).isEmpty();
            }
        }
    }

    @Nested
    class KernelFloat {
        @Test
        void shouldAgreeWithRubyOnEveryVector() {
            assertThat(disagreements(
                            "Float",
                            t -> RubyNumbers.floating(t)
                                    .map(RubyNumbersTest::bits)
                                    .orElse(null)))
                    .isEmpty();
        }

        @Test
        void shouldAcceptWhatRubyFloatAccepts() {
            Map<String, Double> cases = Map.ofEntries(
                    Map.entry(".5", 0.5),
                    Map.entry("-.5", -0.5),
                    Map.entry("1e3", 1000.0),
                    Map.entry("0x1A", 26.0),
                    Map.entry("0x1.8p1", 3.0),
                    Map.entry("1_0.5", 10.5),
                    Map.entry("017", 17.0),
                    Map.entry("1E3_0", 1e30),
                    Map.entry("0x1_0", 16.0),
                    Map.entry("1e400", Double.POSITIVE_INFINITY));
            cases.forEach((text, value) ->
                    assertThat(RubyNumbers.floating(text)).as(text).contains(value));
        }

        @Test
        void shouldRejectWhatRubyFloatRejects() {
            for (String text : new String[] {
                "1__0", "_1", "1_", "5.", "1e", ".", "-", "1.e3", "0x", "0x1_f", "0x1.8", "Infinity", "NaN", "1.5f", ""
            }) {
                assertThat(RubyNumbers.floating(text)).as(text).isEmpty();
            }
        }
    }

    @Nested
    class StringToI {
        @Test
        void shouldAgreeWithRubyOnEveryVector() {
            assertThat(disagreements("to_i", t -> RubyNumbers.toI(t).toString()))
                    .isEmpty();
        }
    }

    @Nested
    class StringToF {
        @Test
        void shouldAgreeWithRubyOnEveryVector() {
            assertThat(disagreements("to_f", t -> bits(RubyNumbers.toF(t)))).isEmpty();
        }

        @Test
        void shouldReadTheNumberAtTheStartAndIgnoreTheRest() {
            assertThat(RubyNumbers.toF("1.5e3\n2.5")).isEqualTo(1500.0);
            assertThat(RubyNumbers.toF("abc")).isEqualTo(0.0);
        }
    }

    @Nested
    class Comparison {
        @Test
        void shouldCompareIntegersAndFloatsByExactValue() {
            assertThat(RubyNumbers.equal(1L, 1.0)).isTrue();
            assertThat(RubyNumbers.equal(new BigInteger("9007199254740993"), 9007199254740992.0))
                    .isFalse();
            assertThat(RubyNumbers.compare(2, 1.5)).isEqualTo(OptionalInt.of(1));
            assertThat(RubyNumbers.compare(Double.NEGATIVE_INFINITY, Long.MIN_VALUE))
                    .isEqualTo(OptionalInt.of(-1));
            assertThat(RubyNumbers.equal(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY))
                    .isTrue();
        }

        @Test
        void shouldFindNaNNeitherEqualNorOrdered() {
            assertThat(RubyNumbers.equal(Double.NaN, Double.NaN)).isFalse();
            assertThat(RubyNumbers.compare(Double.NaN, 1)).isEmpty();
        }
    }
}
