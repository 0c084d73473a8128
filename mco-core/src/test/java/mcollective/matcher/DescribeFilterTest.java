package mcollective.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import mcollective.protocol.FactFilter;
import mcollective.protocol.Filter;

/** The text of {@code mco describe_filter}. */
class DescribeFilterTest {
    /** reference/MCOLLECTIVE.md §1.3, verified on 2.12.5. */
    private static final String VERIFIED = """
            -F filter expands to the following fact comparisons:

              Check if fact 'cpus' >= '2'
              Check if fact 'country' =~ '/uk|us/'

            -C filter expands to the following class checks:

              Check if class 'apache' is present on the host

            -S Query expands to the following instructions:

              (
                (
                    Check if fact 'customer' = 'acme'
                    AND
                    Check if fact 'environment' = 'staging'
                )
                OR
                Check if fact 'environment' = 'development'
                )
                AND
                Check if class '/apache/' is present on the host

            """;

    private static final String VERIFIED_S =
            "((customer=acme and environment=staging) or environment=development) and /apache/";

    /** Builds the filter the way the client does from -F, -C and -S options ("-F", "cpus>=2", ...). */
    private static Filter filter(String... options) {
        Filter.Builder filter = Filter.builder();
        for (int i = 0; i < options.length; i += 2) {
            switch (options[i]) {
                case "-F" -> filter.addFact(FactFilter.parse(options[i + 1]));
                case "-C" -> filter.addClass(options[i + 1]);
                default -> filter.addCompound(CompoundParser.rubyCallstack(options[i + 1]));
            }
        }
        return filter.build();
    }

    @Nested
    class AsRuby {
        @Test
        void shouldPrintTheVerifiedOutputOfSection13() {
            assertThat(DescribeFilter.describeAsRuby(
                            filter("-S", VERIFIED_S, "-F", "cpus>=2", "-F", "country=/uk|us/", "-C", "apache")))
                    .isEqualTo(VERIFIED);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "-S|cpus>3 and fstat('/etc/issue').md5=/abc/ and not foo().bar=1 or (x=1 and (y=2 or (z=3)) and w=4)",
                    "-S|a=b=c or !f or e=",
                    "-S|fact('os.family').value!=RedHat and collective('mcollective').member=true",
                    "-F|a=1|-F|b<2|-F|c=~^d|-C|/web/|-C|role::db",
                    "-S|country=uk|-S|other=1",
                    "-C|apache",
                })
        void shouldPrintWhatRubysMcoDescribeFilterPrints(String options) throws Exception {
            String[] args = options.split("\\|");

            assertThat(DescribeFilter.describeAsRuby(filter(args))).isEqualTo(mco(args));
        }

        @Test
        void shouldPrintNothingForAFilterWithoutFactsClassesOrCompounds() {
            assertThat(DescribeFilter.describeAsRuby(
                            Filter.builder().addIdentity("web1").build()))
                    .isEmpty();
        }
    }

    @Nested
    class Fixed {
        @Test
        void shouldCloseEachParenthesisAtTheIndentationOfItsOpening() {
            assertThat(DescribeFilter.describe(filter("-S", VERIFIED_S))).isEqualTo("""
                    -S Query expands to the following instructions:

                      (
                        (
                            Check if fact 'customer' = 'acme'
                            AND
                            Check if fact 'environment' = 'staging'
                        )
                        OR
                        Check if fact 'environment' = 'development'
                      )
                      AND
                      Check if class '/apache/' is present on the host

                    """);
        }

        @Test
        void shouldDescribeLessAndGreaterThanAsTheFactComparisonsANodeEvaluates() {
            assertThat(DescribeFilter.describe(filter("-S", "cpus>3 or memory<=2")))
                    .contains("  Check if fact 'cpus' > '3'\n  OR\n  Check if fact 'memory' <= '2'\n");
        }

        @Test
        void shouldPrintTheSameAsRubyWhereRubyWasRight() {
            Filter flat = filter("-S", "a=1 and (b=2 or c) and fstat('/x').size>0", "-F", "x=1", "-C", "web");

            assertThat(DescribeFilter.describe(flat)).isEqualTo(DescribeFilter.describeAsRuby(flat));
        }
    }

    /** Runs Debian's {@code mco describe_filter} (bin/setup installs it); fails loudly without it. */
    private static String mco(String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("mco", "describe_filter"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("mco describe_filter failed: %s", err)
                .isZero();
        return out;
    }
}
