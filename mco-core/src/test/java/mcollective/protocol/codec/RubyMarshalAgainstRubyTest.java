package mcollective.protocol.codec;

import static mcollective.protocol.codec.Ruby.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bytes compared with what the installed Ruby writes ({@code ruby -e 'Marshal.dump(...)'}), in both directions. */
class RubyMarshalAgainstRubyTest {

    /** Java writes Ruby's bytes for {@code value}, and reads Ruby's bytes back as {@code value}. */
    static void assertSameAsRuby(Object value, String rubyExpression) {
        byte[] ruby = Ruby.dump(rubyExpression);
        assertThat(hex(RubyMarshal.dump(value)))
                .as("dump of %s", rubyExpression)
                .isEqualTo(hex(ruby));
        assertThat(RubyMarshal.load(ruby)).as("load of %s", rubyExpression).isEqualTo(value);
    }

    static RubySymbol sym(String name) {
        return RubySymbol.of(name);
    }

    @Nested
    class Integers {
        @ParameterizedTest
        @ValueSource(
                longs = {
                    0,
                    1,
                    122,
                    123,
                    255,
                    256,
                    65535,
                    65536,
                    -1,
                    -123,
                    -124,
                    -256,
                    -257,
                    (1L << 30) - 1,
                    1L << 30,
                    -(1L << 30),
                    -(1L << 30) - 1,
                    (1L << 31),
                    1_795_583_759L,
                    (1L << 62) - 1,
                    1L << 62,
                    -(1L << 62),
                    -(1L << 62) - 1,
                    Long.MAX_VALUE,
                    Long.MIN_VALUE
                })
        void shouldWriteAndReadEveryMarshalLongBoundaryAsRubyDoes(long value) {
            assertSameAsRuby(value, Long.toString(value));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"2**64", "2**64+5", "-(2**64)", "-(2**70)", "2**63", "-(2**63)-1", "3**100", "-(7**90)"})
        void shouldWriteAndReadMultiWordBignumsAsBigIntegers(String expression) {
            BigInteger value = (BigInteger) RubyMarshal.load(Ruby.dump(expression));
            assertThat(value.bitLength()).isGreaterThanOrEqualTo(63);
            assertThat(value.toString()).isEqualTo(RubyMarshal.load(Ruby.dump("(" + expression + ").to_s")));
            assertSameAsRuby(value, expression);
        }

        @Test
        void shouldWriteSmallIntegerTypesAsFixnums() {
            assertThat(hex(RubyMarshal.dump(Arrays.asList(7, (short) -300, (byte) 5, BigInteger.TEN))))
                    .isEqualTo(hex(Ruby.dump("[7, -300, 5, 10]")));
        }
    }

    @Nested
    class Floats {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "1.0",
                    "1.5",
                    "0.1",
                    "-2.25",
                    "1.0e20",
                    "1.0e-5",
                    "0.001",
                    "0.0001",
                    "123456.789",
                    "3.141592653589793",
                    "1.0e16",
                    "1.0e15",
                    "2.5e-05",
                    "0.0",
                    "-0.0",
                    "100.0",
                    "2.0e23",
                    "5.0e-324",
                    "1.7976931348623157e308",
                    "9007199254740993.0",
                    "123456789012345680.0",
                    "1.0e300",
                    "-1.0e-300"
                })
        void shouldWriteTheShortestTextRubyWrites(String value) {
            assertSameAsRuby(Double.parseDouble(value), value);
        }

        @Test
        void shouldWriteNanAndInfinitiesAsRubyDoes() {
            assertThat(hex(RubyMarshal.dump(List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY))))
                    .isEqualTo(hex(Ruby.dump("[Float::INFINITY, -Float::INFINITY]")));
            assertThat(hex(RubyMarshal.dump(Double.NaN))).isEqualTo(hex(Ruby.dump("Float::NAN")));
            assertThat((Double) RubyMarshal.load(Ruby.dump("Float::NAN"))).isNaN();
        }

        @Test
        void shouldRoundTripThousandsOfRandomDoublesAndEveryPowerOfTwo() {
            byte[] ruby = Ruby.dump("(srand(42); Array.new(4000) { x = [rand(2**64)].pack('Q').unpack1('D');"
                    + " x.nan? ? 0.5 + rand : x } + (-1074..1023).map { |e| 2.0**e })");
            List<?> values = (List<?>) RubyMarshal.load(ruby);
            assertThat(values)
                    .hasSize(4000 + 2098)
                    .allSatisfy(v -> assertThat(v).isInstanceOf(Double.class));
            assertThat(hex(RubyMarshal.dump(values))).isEqualTo(hex(ruby));
        }

        @Test
        void shouldLinkEqualImmediateFloatsByValueAndOtherFloatsByInstance() {
            assertThat(hex(RubyMarshal.dump(List.of(1.5, 1.5, 2.0)))).isEqualTo(hex(Ruby.dump("[1.5, 1.5, 2.0]")));
            Double huge = 1.0e300;
            assertThat(hex(RubyMarshal.dump(Arrays.asList(huge, huge, Double.valueOf(1.0e300)))))
                    .isEqualTo(hex(Ruby.dump("(f = 1.0e300; [f, f, 1.0e300])")));
        }
    }

    @Nested
    class StringsAndSymbols {
        @Test
        void shouldWriteUnicodeAndLongStringsAsUtf8() {
            assertSameAsRuby(
                    List.of("ünïcödé", "日本語 ✓", "x".repeat(300), "y".repeat(70_000), ""),
                    "['ünïcödé', '日本語 ✓', 'x' * 300, 'y' * 70_000, '']");
        }

        @Test
        void shouldWriteByteArraysAsBinaryStrings() {
            byte[] bytes = {0, (byte) 0xff, 4, 8, 'a'};
            byte[] ruby = Ruby.dump("\"\\x00\\xFF\\x04\\x08a\".b");
            assertThat(hex(RubyMarshal.dump(bytes))).isEqualTo(hex(ruby));
            assertThat((byte[]) RubyMarshal.load(ruby)).isEqualTo(bytes);
        }

        @Test
        void shouldWriteEachEncodingAsRubyDoesAndLinkRepeatedEncodingNames() {
            String expression = "['a'.force_encoding('US-ASCII'), 'b'.b, 'c'.force_encoding('Shift_JIS'),"
                    + " 'é'.encode('ISO-8859-1'), 'd'.force_encoding('Shift_JIS'), 'e']";
            List<Object> value = List.of(
                    RubyString.ascii("a"),
                    RubyString.binary(new byte[] {'b'}),
                    new RubyString(new byte[] {'c'}, RubyString.Encoding.named("Shift_JIS")),
                    new RubyString(new byte[] {(byte) 0xe9}, RubyString.Encoding.named("ISO-8859-1")),
                    new RubyString(new byte[] {'d'}, RubyString.Encoding.named("Shift_JIS")),
                    "e");
            byte[] ruby = Ruby.dump(expression);
            assertThat(hex(RubyMarshal.dump(value))).isEqualTo(hex(ruby));
            assertThat(RubyMarshal.load(ruby, MarshalOptions.preserving()))
                    .isEqualTo(List.of(
                            value.get(0),
                            value.get(1),
                            value.get(2),
                            value.get(3),
                            value.get(4),
                            RubyString.utf8("e")));
            List<?> plain = (List<?>) RubyMarshal.load(ruby);
            assertThat(plain.get(0)).isEqualTo("a");
            assertThat(plain.get(1)).isEqualTo(new byte[] {'b'});
            assertThat(plain.get(3)).isEqualTo("é");
        }

        @Test
        void shouldLinkRepeatedSymbolsAndCarryTheEncodingOfNonAsciiSymbols() {
            Map<Object, Object> hash = new LinkedHashMap<>();
            hash.put(sym("agent"), List.of(sym("agent"), sym("héllo"), sym("héllo"), sym("E"), sym("a b")));
            hash.put(sym("data"), Map.of(sym("agent"), true));
            assertSameAsRuby(hash, "{:agent => [:agent, :héllo, :héllo, :E, :'a b'], :data => {:agent => true}}");
        }
    }

    @Nested
    class Containers {
        @Test
        void shouldWriteNestedHashesAndEmptyContainersAsRubyDoes() {
            Map<Object, Object> hash = new LinkedHashMap<>();
            hash.put(sym("agent"), "rpcutil");
            hash.put(sym("data"), Map.of(sym("process_results"), true));
            hash.put("facts", List.of("a", 1L, false, List.of(), Map.of()));
            hash.put(sym("nothing"), null);
            hash.put(1L, Map.of("deep", Map.of("deeper", List.of(Map.of()))));
            assertSameAsRuby(
                    hash,
                    "{:agent=>'rpcutil', :data=>{:process_results=>true},"
                            + " 'facts'=>['a', 1, false, [], {}], :nothing=>nil, 1=>{'deep'=>{'deeper'=>[{}]}}}");
        }

        @Test
        void shouldNotLinkTheEmptyCollectionsAndStringTheJdkShares() {
            assertThat(hex(RubyMarshal.dump(List.of(List.of(), List.of(), Map.of(), Map.of(), "", ""))))
                    .isEqualTo(hex(Ruby.dump("[[], [], {}, {}, '', '']")));
        }

        @Test
        void shouldLinkTheSameStringArrayHashAndBignumInstanceAsRubyDoes() {
            String shared = new String("shared");
            List<Object> array = new ArrayList<>(List.of(1L));
            BigInteger big = BigInteger.TWO.pow(70);
            Map<Object, Object> inner = new LinkedHashMap<>();
            inner.put("k", shared);
            inner.put("a", array);
            List<Object> value = Arrays.asList(
                    shared, inner, shared, array, big, big, BigInteger.TWO.pow(70), 1_795_583_759L, 1_795_583_759L);
            byte[] ruby = Ruby.dump("(s = 'shared'; a = [1]; b = 2**70; t = 1_795_583_759;"
                    + " [s, {'k' => s, 'a' => a}, s, a, b, b, 2**70, t, t])");
            assertThat(hex(RubyMarshal.dump(value))).isEqualTo(hex(ruby));
            List<?> read = (List<?>) RubyMarshal.load(ruby);
            assertThat(read).isEqualTo(value);
            assertThat(read.get(2)).isSameAs(read.get(0));
            assertThat(((Map<?, ?>) read.get(1)).get("a")).isSameAs(read.get(3));
            assertThat(read.get(5)).isSameAs(read.get(4));
        }

        @Test
        void shouldWriteWhatRubyReadsBackAsTheSameData() {
            Map<Object, Object> hash = new LinkedHashMap<>();
            hash.put(sym("msgtime"), 1_795_583_759L);
            hash.put("fact", List.of(Map.of(sym("fact"), "platform")));
            hash.put(sym("f"), 0.1);
            hash.put(sym("big"), BigInteger.TWO.pow(64).negate());
            hash.put(sym("bin"), new byte[] {(byte) 0xc3});
            assertThat(Ruby.inspectLoad(RubyMarshal.dump(hash)))
                    .isEqualTo(
                            "{:msgtime=>1795583759,"
                                    + " \"fact\"=>[{:fact=>\"platform\"}], :f=>0.1, :big=>-18446744073709551616, :bin=>\"\\xC3\"}");
        }
    }
}
