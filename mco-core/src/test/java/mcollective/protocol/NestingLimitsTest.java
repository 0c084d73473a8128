package mcollective.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.ddl.DdlKind;
import mcollective.ddl.json.JsonDdlParser;
import mcollective.matcher.CompoundFilterException;
import mcollective.matcher.CompoundParser;
import mcollective.matcher.DefaultCompoundEvaluator;
import mcollective.matcher.FilterEvaluationException;
import mcollective.protocol.codec.Json;
import mcollective.protocol.codec.MarshalException;
import mcollective.protocol.codec.RubyMarshal;
import mcollective.spi.NodeView;

/** The attack of a filter nested 3,000 deep, and its cousins: every recursive reader refuses, naming its limit. */
class NestingLimitsTest {
    private static final String COMPOUND_LIMIT = "compound filter nested deeper than 64 levels";

    private static final NodeView NODE = new NodeView() {
        @Override
        public String identity() {
            return "web1";
        }

        @Override
        public Map<String, Object> facts() {
            return Map.of("x", "y");
        }

        @Override
        public List<String> classes() {
            return List.of();
        }

        @Override
        public List<String> agents() {
            return List.of();
        }
    };

    static List<Map<String, Object>> nested(int depth) {
        List<Map<String, Object>> stack = new ArrayList<>(Collections.nCopies(depth, Map.of("(", "(")));
        stack.add(Map.of("statement", "x=y"));
        stack.addAll(Collections.nCopies(depth, Map.of(")", ")")));
        return stack;
    }

    @Nested
    class CompoundFilter {
        @Test
        void shouldRefuseAWireFilterNested3000Deep() {
            Map<String, Object> wire = Map.of("compound", List.of(nested(3000)));
            assertThatThrownBy(() -> Filter.fromRuby(wire))
                    .isInstanceOf(InvalidFilterException.class)
                    .hasMessage(COMPOUND_LIMIT);
        }

        @Test
        void shouldStillReadAFilterNested64Deep() {
            Filter filter = Filter.fromRuby(Map.of("compound", List.of(nested(64))));
            assertThat(filter.compound()).hasSize(1);
        }

        @Test
        void shouldRefuseToEvaluateACallstackNested3000Deep() {
            assertThatThrownBy(() -> new DefaultCompoundEvaluator().evaluate(nested(3000), NODE))
                    .isInstanceOf(FilterEvaluationException.class)
                    .hasMessage(COMPOUND_LIMIT);
        }

        @Test
        void shouldRefuseAChainOf3000Nots() {
            List<Map<String, Object>> stack = new ArrayList<>(Collections.nCopies(3000, Map.of("not", "not")));
            stack.add(Map.of("statement", "x=y"));
            assertThatThrownBy(() -> new DefaultCompoundEvaluator().evaluate(stack, NODE))
                    .isInstanceOf(FilterEvaluationException.class)
                    .hasMessage(COMPOUND_LIMIT);
        }

        @Test
        void shouldRefuseAnSArgumentNested3000Deep() {
            String input = "(".repeat(3000) + "x=y" + ")".repeat(3000);
            assertThatThrownBy(() -> CompoundParser.parse(input))
                    .isInstanceOf(CompoundFilterException.class)
                    .hasMessage("-S input " + COMPOUND_LIMIT);
        }

        @Test
        void shouldStillParseARealSArgument() {
            assertThat(CompoundParser.parse("((country=uk and not apache) or location=dc1)"))
                    .hasSize(10);
        }
    }

    @Nested
    class Marshal {
        @Test
        void shouldRefuseAnArrayNested10000Deep() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(4);
            bytes.write(8);
            for (int i = 0; i < 10_000; i++) {
                bytes.write('[');
                bytes.write(6); // one element
            }
            bytes.write('0');
            assertThatThrownBy(() -> RubyMarshal.load(bytes.toByteArray()))
                    .isInstanceOf(MarshalException.class)
                    .hasMessageStartingWith("Marshal data nested deeper than 64 levels at offset");
        }

        @Test
        void shouldRefuseAStringClaiming2GbWithoutAllocating() {
            // '"' then r_long 4 bytes 0x7fffffff: a 2 GB String in a 7-byte message
            byte[] data = {4, 8, '"', 4, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f};
            assertThatThrownBy(() -> RubyMarshal.load(data))
                    .isInstanceOf(MarshalException.class)
                    .hasMessageContaining("2147483647-byte field")
                    .hasMessageContaining("0 bytes left");
        }

        @Test
        void shouldRefuseAnArrayClaiming2GElements() {
            byte[] data = {4, 8, '[', 4, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f};
            assertThatThrownBy(() -> RubyMarshal.load(data))
                    .isInstanceOf(MarshalException.class)
                    .hasMessageContaining("Array of 2147483647 elements");
        }
    }

    @Nested
    class JsonDocuments {
        @Test
        void shouldRefuseAReplyNested1000Deep() {
            String json = "[".repeat(1000) + "]".repeat(1000);
            assertThatThrownBy(() -> Json.mapper().readValue(json, Object.class))
                    .isInstanceOf(StreamConstraintsException.class)
                    .hasMessageContaining("100");
        }

        @Test
        void shouldRefuseADdlNested1000Deep() {
            String json = "{\"metadata\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
            assertThatThrownBy(() -> JsonDdlParser.parse(DdlKind.AGENT, "deep", json, "deep.json"))
                    .hasMessageContaining("deep.json")
                    .hasMessageContaining("100");
        }

        @Test
        void shouldStillReadAReplyNested100Deep() throws Exception {
            String json = "[".repeat(100) + "]".repeat(100);
            assertThat(Json.mapper().readValue(json, Object.class)).isInstanceOf(List.class);
        }
    }
}
