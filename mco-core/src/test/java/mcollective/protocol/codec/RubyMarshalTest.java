package mcollective.protocol.codec;

import static mcollective.protocol.codec.Ruby.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Java side of the mapping: which Java types come out of a load and what each Java type is written as. */
class RubyMarshalTest {

    static RubySymbol sym(String name) {
        return RubySymbol.of(name);
    }

    static byte[] marshal(String hex) {
        return HexFormat.of().parseHex("0408" + hex.replace(" ", ""));
    }

    @Nested
    class Load {
        @Test
        void shouldReadScalarsAsJavaValues() {
            assertThat(RubyMarshal.load(marshal("30"))).isNull();
            assertThat(RubyMarshal.load(marshal("54"))).isEqualTo(true);
            assertThat(RubyMarshal.load(marshal("46"))).isEqualTo(false);
            assertThat(RubyMarshal.load(marshal("6941"))).isEqualTo(60L);
            assertThat(RubyMarshal.load(marshal("6c2b070f6f066b"))).isEqualTo(1_795_583_759L);
            assertThat(RubyMarshal.load(marshal("6608312e35"))).isEqualTo(1.5);
            assertThat(RubyMarshal.load(marshal("3a0a6167656e74"))).isEqualTo(sym("agent"));
        }

        @Test
        void shouldReadContainersAsMutableOrderedJavaCollections() {
            Object array = RubyMarshal.load(marshal("5b07 6906 6907"));
            assertThat(array).isInstanceOf(ArrayList.class).isEqualTo(List.of(1L, 2L));
            Object hash = RubyMarshal.load(marshal("7b07 3a0662 6906 3a0661 6907"));
            assertThat(hash).isInstanceOf(LinkedHashMap.class);
            assertThat(new ArrayList<Object>(((Map<?, ?>) hash).keySet())).containsExactly(sym("b"), sym("a"));
        }

        @Test
        void shouldReadTextStringsAsStringsAndBinaryStringsAsBytes() {
            assertThat(RubyMarshal.load(marshal("4922 07 c3a9 06 3a0645 54"))).isEqualTo("é");
            assertThat(RubyMarshal.load(marshal("4922 06 61 06 3a0645 46"))).isEqualTo("a");
            assertThat(RubyMarshal.load(marshal("22 07 c3a9"))).isEqualTo(new byte[] {(byte) 0xc3, (byte) 0xa9});
        }

        @Test
        void shouldReadABinaryHashKeyAsAStringSoItCanBeLookedUp() {
            Map<?, ?> hash = (Map<?, ?>) RubyMarshal.load(marshal("7b06 22 06 6b 6906"));
            assertThat(hash.get("k")).isEqualTo(1L);
        }

        @Test
        void shouldReturnRubyStringsWithTheirEncodingWhenPreserving() {
            Object read = RubyMarshal.load(
                    marshal("5b08 4922 0661 063a0645 54 4922 0662 063b00 46 22 0663"), MarshalOptions.preserving());
            assertThat(read)
                    .isEqualTo(
                            List.of(RubyString.utf8("a"), RubyString.ascii("b"), RubyString.binary(new byte[] {'c'})));
        }

        @Test
        void shouldResolveALinkToTheVeryInstanceReadFirst() {
            List<?> read = (List<?>) RubyMarshal.load(marshal("5b08 5b00 4006 4006"), MarshalOptions.preserving());
            assertThat(read.get(1)).isSameAs(read.get(0));
            assertThat(read.get(2)).isSameAs(read.get(0));
        }
    }

    @Nested
    class Dump {
        @Test
        void shouldWriteAPlainStringAsUtf8AndRubyStringsInTheirEncoding() {
            assertThat(hex(RubyMarshal.dump("a"))).isEqualTo("040849220661063a064554");
            assertThat(hex(RubyMarshal.dump(RubyString.ascii("a")))).isEqualTo("040849220661063a064546");
            assertThat(hex(RubyMarshal.dump(RubyString.binary(new byte[] {'a'}))))
                    .isEqualTo("0408220661");
            assertThat(hex(RubyMarshal.dump(new byte[] {'a'}))).isEqualTo("0408220661");
        }

        @Test
        void shouldWriteEveryJavaIntegerTypeAndFloat() {
            assertThat(hex(RubyMarshal.dump(Arrays.asList(1, 1L, (short) 1, (byte) 1, BigInteger.ONE, 1.5f, null))))
                    .isEqualTo("04085b0c690669066906690669066608312e3530");
        }

        @Test
        void shouldLinkTheSameInstanceButNotAnEqualOne() {
            String shared = new String("x");
            List<Object> once = Arrays.asList(shared, new String("x"));
            List<Object> twice = Arrays.asList(shared, shared);
            assertThat(RubyMarshal.dump(once)).hasSize(RubyMarshal.dump(twice).length + 6);
            assertThat(hex(RubyMarshal.dump(twice))).endsWith("4006");
        }

        @Test
        void shouldWriteEachMapInItsOwnIterationOrder() {
            Map<Object, Object> hash = new LinkedHashMap<>();
            hash.put(sym("z"), 1);
            hash.put(sym("a"), 2);
            assertThat(hex(RubyMarshal.dump(hash))).isEqualTo("04087b073a067a69063a066169 07".replace(" ", ""));
        }

        @Test
        void shouldRoundTripNestedDataThroughLoad() {
            Map<Object, Object> hash = new LinkedHashMap<>();
            hash.put(sym("statuscode"), 0L);
            hash.put(sym("data"), Map.of("list", List.of(1L, "two", sym("three"), 4.5, BigInteger.TEN.pow(30))));
            assertThat(RubyMarshal.load(RubyMarshal.dump(hash))).isEqualTo(hash);
        }
    }

    @Nested
    class FloatFormatting {
        @ParameterizedTest
        @CsvSource({
            "1.0, 1",
            "1.5, 1.5",
            "0.1, 0.1",
            "100.0, 1e2",
            "1.0e20, 1e20",
            "1.0e-5, 1e-5",
            "0.0001, 0.0001",
            "-2.5e-300, -2.5e-300",
            "123456.789, 123456.789",
            "1.0e16, 1e16",
            "-0.0, -0"
        })
        void shouldWriteTheTextRubyWrites(double value, String text) {
            assertThat(FloatText.format(value)).isEqualTo(text);
        }
    }

    @Nested
    class Values {
        @Test
        void shouldNameEncodingsAsRubyDoes() {
            assertThat(RubyString.Encoding.named("BINARY")).isEqualTo(RubyString.Encoding.BINARY);
            assertThat(RubyString.Encoding.named("UTF-8")).isEqualTo(RubyString.Encoding.UTF_8);
            assertThat(RubyString.Encoding.named("Windows-31J").charset().name())
                    .isEqualTo("windows-31j");
            assertThat(RubyString.Encoding.named("MacJapanese").charset()).isEqualTo(StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> RubyString.Encoding.named(" ")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldCompareRubyStringsByContent() {
            assertThat(RubyString.ascii("a"))
                    .isEqualTo(RubyString.ascii("a"))
                    .isNotEqualTo(RubyString.utf8("a"))
                    .hasSameHashCodeAs(RubyString.ascii("a"));
            assertThat(RubyString.utf8("日本").text()).isEqualTo("日本");
            assertThat(RubyString.binary(new byte[] {4, 8})).hasToString("binary:0408");
        }

        @Test
        void shouldRejectOptionsThatCannotReadAnything() {
            assertThatThrownBy(() -> new MarshalOptions(false, 0)).hasMessageContaining("not 0");
        }
    }
}
