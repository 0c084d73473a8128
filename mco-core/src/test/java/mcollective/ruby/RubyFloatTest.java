package mcollective.ruby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import mcollective.protocol.codec.RubyMarshal;

/** Float printing against {@code floats.tsv}: what Ruby 3.1 printed for 3,420 doubles. */
class RubyFloatTest {
    static final List<String[]> VECTORS =
            RubyVectors.lines("floats.tsv").stream().map(l -> l.split("\t")).toList();

    @Test
    void shouldHoldEveryPowerOfTwoAndTheAwkwardDoubles() {
        assertThat(VECTORS).hasSizeGreaterThan(2098 + 1000);
        assertThat(VECTORS.stream().filter(v -> v[1].equals("5.684341886080802e-14")))
                .as("2**-44")
                .hasSize(1);
    }

    @Test
    void shouldPrintEveryDoubleAsRubysFloatToS() {
        List<String> wrong = VECTORS.stream()
                .filter(v -> !RubyFloat.toS(RubyVectors.fromBits(v[0])).equals(v[1]))
                .map(v -> v[1] + " printed as " + RubyFloat.toS(RubyVectors.fromBits(v[0])))
                .toList();
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldMarshalEveryDoubleAsRubyDoes() {
        List<String> wrong = VECTORS.stream()
                .filter(v -> !marshalText(RubyVectors.fromBits(v[0])).equals(v[2]))
                .map(v -> v[2] + " marshalled as " + marshalText(RubyVectors.fromBits(v[0])))
                .toList();
        assertThat(wrong).isEmpty();
    }

    // Expected strings printed by Ruby 3.1's Float#to_s
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.5, 1.5",
        "100.0, 100.0",
        "-0.0, -0.0",
        "0.0, 0.0",
        "0.30000000000000004, 0.30000000000000004",
        "1e14, 100000000000000.0",
        "123456789012345.0, 123456789012345.0",
        "1e15, 1.0e+15",
        "1000000000000000.2, 1000000000000000.2",
        "1234567890123456.0, 1.234567890123456e+15",
        "1e16, 1.0e+16",
        "0.001, 0.001",
        "0.0001, 0.0001",
        "0.0001234, 0.0001234",
        "0.00001, 1.0e-05",
        "2.5e-5, 2.5e-05",
        "1e100, 1.0e+100",
        "5e-324, 5.0e-324",
        "5.684341886080802e-14, 5.684341886080802e-14",
        "123456789.123456789, 123456789.12345679",
        "Infinity, Infinity",
        "-Infinity, -Infinity",
        "NaN, NaN",
    })
    void shouldFormatFloatsLikeRuby(double value, String expected) {
        assertThat(RubyFloat.toS(value)).isEqualTo(expected);
    }

    @Test
    void shouldGiveTheDigitsAndPointOfTheShortestDecimal() {
        assertThat(RubyFloat.shortest(-1.5)).isEqualTo(new RubyFloat.Decimal("15", 1));
        assertThat(RubyFloat.shortest(0.001)).isEqualTo(new RubyFloat.Decimal("1", -2));
        assertThatThrownBy(() -> RubyFloat.shortest(0.0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The text after {@code \x04\x08 f <length>} in {@code Marshal.dump(value)}. */
    private static String marshalText(double value) {
        byte[] dump = RubyMarshal.dump(value);
        return new String(Arrays.copyOfRange(dump, 4, dump.length), StandardCharsets.US_ASCII);
    }
}
