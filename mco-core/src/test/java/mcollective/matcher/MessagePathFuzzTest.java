package mcollective.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import mcollective.McollectiveException;
import mcollective.protocol.Filter;
import mcollective.protocol.codec.RubyMarshal;
import mcollective.protocol.codec.RubySymbol;
import mcollective.testdata.Mutations;

/**
 * Fuzzing of the request path in mco-core (docs/adr/004-fuzzing.md): a mutated golden body is decoded as Marshal, its
 * {@code :body} decoded again, its {@code :filter} read and every compound callstack evaluated; a mutated compound
 * {@code -S} string is parsed. Each step returns or throws a {@link McollectiveException}: never an Error, never
 * another RuntimeException.
 */
class MessagePathFuzzTest {
    private static final List<byte[]> BODIES = Mutations.seeds(".bin");
    private static final List<byte[]> FILTERS = List.of(
            "((country=uk and not apache) or location=dc1)".getBytes(StandardCharsets.UTF_8),
            "Foo::Bar and fstatement('x').y=/z/ or not a>=1".getBytes(StandardCharsets.UTF_8),
            "fact('os').family=RedHat and (x<2 or y<=3)".getBytes(StandardCharsets.UTF_8));

    @Provide
    Arbitrary<byte[]> bodies() {
        return Mutations.mutated(BODIES);
    }

    @Provide
    Arbitrary<byte[]> filters() {
        return Mutations.mutated(FILTERS);
    }

    @Property
    void aMutatedMessageIsReadOrRefused(@ForAll("bodies") byte[] body) {
        assertOnlyRefusals(() -> {
            Object message = RubyMarshal.load(body);
            if (message instanceof Map<?, ?> envelope) {
                if (envelope.get(new RubySymbol("body")) instanceof byte[] inner) {
                    RubyMarshal.load(inner);
                }
                if (envelope.containsKey(new RubySymbol("filter"))) {
                    evaluate(Filter.fromRuby(envelope.get(new RubySymbol("filter"))));
                }
            }
        });
    }

    @Property
    void aMutatedCompoundFilterIsParsedOrRefused(@ForAll("filters") byte[] input) {
        assertOnlyRefusals(() -> evaluate(Filter.builder()
                .addCompound(CompoundParser.parse(new String(input, StandardCharsets.UTF_8)))
                .build()));
    }

    private static void evaluate(Filter filter) {
        for (List<Map<String, Object>> stack : filter.compound()) {
            new DefaultCompoundEvaluator().evaluate(stack, TestNode.web1());
        }
    }

    /** Runs {@code step}; anything thrown but a McollectiveException fails the property, with the input's culprit. */
    static void assertOnlyRefusals(Runnable step) {
        long start = System.nanoTime();
        try {
            step.run();
        } catch (McollectiveException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
        assertThat((System.nanoTime() - start) / 1_000_000)
                .as("milliseconds for one input")
                .isLessThan(2_000);
    }
}
