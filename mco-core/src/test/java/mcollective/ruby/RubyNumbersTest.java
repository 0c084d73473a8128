package mcollective.ruby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Expected values were produced by Ruby 3.1's Integer()/Float() on this machine. */
class RubyNumbersTest {

    @Nested
    class ParseInteger {
        @Test
        void shouldAcceptWhatRubyIntegerAccepts() {
            Map<String, Integer> cases = Map.ofEntries(
                    Map.entry("0", 0),
                    Map.entry("00", 0),
                    Map.entry("0_7", 7),
                    Map.entry("0x1_f", 31),
                    Map.entry("0d12", 12),
                    Map.entry("0D12", 12),
                    Map.entry("+0x10", 16),
                    Map.entry("-017", -15),
                    Map.entry("0X1F", 31),
                    Map.entry("0B11", 3),
                    Map.entry("0O17", 15),
                    Map.entry(" 12 ", 12),
                    Map.entry("\t12\n", 12),
                    Map.entry("1_000", 1000),
                    Map.entry("-0b11", -3));
            cases.forEach((text, value) ->
                    assertThat(RubyValues.parseInteger(text)).as(text).contains(value));
        }

        @Test
        void shouldRejectWhatRubyIntegerRejects() {
            for (String text : new String[] {
                "0x_1f",
                "_1",
                "1_",
                "1__0",
                "0b",
                "0x",
                "0o",
                "1e3",
                "12abc",
                "08",
                "0_8",
                "",
                "- 1",
                "1.5",
                "99999999999"
            }) {
                assertThat(RubyValues.parseInteger(text)).as(text).isEmpty();
            }
        }
    }

    @Nested
    class ParseFloat {
        @Test
        void shouldAcceptWhatRubyFloatAccepts() {
            Map<String, Double> cases = Map.ofEntries(
                    Map.entry("1", 1.0),
                    Map.entry(".5", 0.5),
                    Map.entry(".5e1", 5.0),
                    Map.entry("-.5", -0.5),
                    Map.entry("+1.5", 1.5),
                    Map.entry("1e3", 1000.0),
                    Map.entry("0x1A", 26.0),
                    Map.entry("0x1.8p1", 3.0),
                    Map.entry("0x1p3", 8.0),
                    Map.entry(" 2.5 ", 2.5),
                    Map.entry("1_0.5", 10.5),
                    Map.entry("017", 17.0),
                    Map.entry("1E3_0", 1e30),
                    Map.entry("1.5_0", 1.5),
                    Map.entry("0x1_0", 16.0));
            cases.forEach((text, value) ->
                    assertThat(RubyValues.parseFloat(text)).as(text).contains(value));
        }

        @Test
        void shouldRejectWhatRubyFloatRejects() {
            for (String text : new String[] {
                "1__0", "_1", "1_", "5.", "1e", "1e+", ".", "-", "1.e3", "0x", "Infinity", "NaN", "1.5f", "0b11", ""
            }) {
                assertThat(RubyValues.parseFloat(text)).as(text).isEmpty();
            }
        }
    }

    @Nested
    class StrToBool {
        @Test
        void shouldStripTheValueBeforeMatching() {
            assertThat(RubyValues.strToBool(" Yes ")).isTrue();
            assertThat(RubyValues.strToBool("f\t")).isFalse();
        }

        @Test
        void shouldUseMcollectivesMessageForOtherWords() {
            assertThatThrownBy(() -> RubyValues.strToBool("on"))
                    .hasMessage("Cannot convert string value 'on' into a boolean.");
        }
    }
}
