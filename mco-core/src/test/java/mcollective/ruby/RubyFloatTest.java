package mcollective.ruby;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RubyFloatTest {
    // Expected strings printed by Ruby 3.1's Float#to_s
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.5, 1.5",
        "100.0, 100.0",
        "-0.0, -0.0",
        "0.30000000000000004, 0.30000000000000004",
        "1e14, 100000000000000.0",
        "123456789012345.0, 123456789012345.0",
        "1e15, 1.0e+15",
        "1234567890123456.0, 1.234567890123456e+15",
        "1e16, 1.0e+16",
        "0.001, 0.001",
        "0.0001, 0.0001",
        "0.0001234, 0.0001234",
        "0.00001, 1.0e-05",
        "2.5e-5, 2.5e-05",
        "1e100, 1.0e+100",
        "5e-324, 5.0e-324",
        "123456789.123456789, 123456789.12345679",
        "Infinity, Infinity",
        "-Infinity, -Infinity",
        "NaN, NaN",
    })
    void shouldFormatFloatsLikeRuby(double value, String expected) {
        assertThat(RubyFloat.floatToS(value)).isEqualTo(expected);
    }
}
