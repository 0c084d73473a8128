package mcollective.cli.output;

import static mcollective.cli.output.Outputs.layout;
import static mcollective.cli.output.Outputs.ok;
import static mcollective.cli.output.Outputs.result;
import static mcollective.cli.output.Outputs.ruby;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.client.RpcResult;
import mcollective.protocol.codec.RubySymbol;

/** Per-host result blocks as {@code mco rpc} prints them (rpc/helpers.rb), checked against Ruby's own output. */
class ResultPrinterTest {
    final ResultPrinter plain = new ResultPrinter(new Colors(false));

    String text(List<RpcResult> results, ActionLayout layout, boolean verbose) {
        StringBuilder text = new StringBuilder();
        results.forEach(r -> text.append(plain.text(r, layout, verbose)));
        return text.toString();
    }

    @Nested
    class AsRubyPrintsThem {
        @Test
        void shouldAlignTheOutputsByTheirDisplayAsLabels() {
            List<RpcResult> results = List.of(
                    ok("node3.example.net", "fact", "platform", "value", "centos"),
                    ok("node1.example.net", "fact", "platform", "value", "centos"),
                    ok("node2.example.net", "fact", "platform", "value", "ubuntu"));

            String printed = text(results, layout("get_fact"), false);

            assertThat(printed).startsWith("node3.example.net                        \n    Fact: platform\n");
            assertThat(ruby("rpc-rpcutil-get_fact.txt")).contains(printed);
        }

        @Test
        void shouldPrettyPrintListsAndHashesUnderTheirLabel() {
            Map<String, Object> facts = new LinkedHashMap<>();
            for (String[] fact : new String[][] {
                {"hostname", "node2"},
                {"fqdn", "node2.example.net"},
                {"domain", "example.net"},
                {"platform", "ubuntu"},
                {"operatingsystem", "Ubuntu"},
                {"operatingsystemrelease", "20.04"},
                {"osfamily", "Debian"},
                {"chef_environment", "dev"},
                {"role", "database"},
                {"architecture", "x86_64"},
                {"processorcount", "1"},
                {"memorysize_mb", "2048"},
                {"ipaddress", "127.0.0.1"},
                {"mcollective_node_number", "2"}
            }) {
                facts.put(fact[0], fact[1]);
            }
            RpcResult inventory = ok(
                    "node2.example.net",
                    "agents",
                    List.of("discovery", "rpcutil"),
                    "facts",
                    facts,
                    "version",
                    "2.12.5",
                    "classes",
                    List.of(
                            "role.base",
                            "role.chef-client-11",
                            "recipe.mcollective::server",
                            "role.database",
                            "recipe.postgresql"),
                    "main_collective",
                    "mcollective",
                    "collectives",
                    List.of("mcollective"),
                    "data_plugins",
                    List.of("agent_data", "collective_data", "fact_data", "fstat_data"));

            String printed = plain.text(inventory, layout("inventory"), false);

            assertThat(printed).contains("           Classes: [\"role.base\",\n                     \"role.chef");
            assertThat(ruby("rpc-rpcutil-inventory.txt")).contains(printed);
        }

        @Test
        void shouldPrintTheRawDataOfEveryHostWithMinusV() {
            String printed = plain.text(ok("node1.example.net", "pong", 1_795_584_226L), layout("ping"), true);

            assertThat(printed).isEqualTo("node1.example.net                       : OK\n    {:pong=>1795584226}\n\n");
            assertThat(ruby("rpc-rpcutil-ping-verbose.txt")).contains(printed);
        }
    }

    @Nested
    class Failures {
        @Test
        void shouldShowTheStatusAndMessageButNoData() {
            String printed = plain.text(
                    result("node1.example.net", 1, "Unknown config property nosuch", "item", "nosuch"),
                    layout("get_config_item"),
                    false);

            assertThat(printed)
                    .isEqualTo("node1.example.net                        Request Aborted\n"
                            + "   Unknown config property nosuch\n\n");
        }

        @Test
        void shouldColourAbortsAndUnknownErrorsRedAndTheRestYellow() {
            ResultPrinter coloured = new ResultPrinter(new Colors(true));
            ActionLayout always = new ActionLayout("always", Map.of());

            assertThat(coloured.text(result("n", 5, "boom"), always, false))
                    .contains("\u001b[31mUnknown Request Status");
            assertThat(coloured.text(result("n", 3, "missing"), always, false))
                    .contains("\u001b[33mMissing Request Data")
                    .contains("   \u001b[33mmissing\u001b[0m");
        }

        @Test
        void shouldPrintAnOutOfRangeCodeAsTheNearestKnownStatus() {
            ActionLayout always = new ActionLayout("always", Map.of());

            assertThat(plain.text(result("n", 9, "odd"), always, false)).contains("Unknown Request Status");
        }

        @Test
        void shouldPrintOnlyTheMessageOfAnUnknownErrorWithMinusV() {
            String printed = plain.text(result("node1.example.net", 5, "boom"), layout("ping"), true);

            assertThat(printed).isEqualTo("node1.example.net                       : boom\n    boom");
        }
    }

    @Nested
    class DisplayModes {
        final RpcResult good = ok("good.example.net", "pong", 1L);
        final RpcResult bad = result("bad.example.net", 1, "no");

        @Test
        void shouldShowOnlyFailuresWithoutADdl() {
            ActionLayout layout = ActionLayout.withoutDdl();

            assertThat(plain.text(good, layout, false)).isEmpty();
            assertThat(plain.text(bad, layout, false)).startsWith("bad.example.net");
        }

        @Test
        void shouldShowOnlySuccessesForOk() {
            ActionLayout layout = new ActionLayout("ok", Map.of());

            assertThat(plain.text(good, layout, false)).startsWith("good.example.net");
            assertThat(plain.text(bad, layout, false)).isEmpty();
        }

        @Test
        void shouldShowEverythingWhenTheUserAsksForAll() {
            ActionLayout layout = ActionLayout.withoutDdl().withDisplay(Optional.of("all"));

            assertThat(layout.display()).isEqualTo("always");
            assertThat(plain.text(good, layout, false)).isNotEmpty();
            assertThat(plain.text(bad, layout, false)).isNotEmpty();
        }

        @Test
        void shouldShowEveryHostWithMinusVWhateverTheMode() {
            assertThat(plain.text(good, ActionLayout.withoutDdl(), true)).startsWith("good.example.net");
        }
    }

    @Nested
    class Values {
        final ActionLayout always = new ActionLayout("always", Map.of("out", "Output"));

        @Test
        void shouldIndentTheFollowingLinesOfAMultiLineString() {
            String printed = plain.text(ok("n", "out", "first\nsecond\n"), always, false);

            assertThat(printed).endsWith("   Output: first\n           second\n\n");
        }

        @Test
        void shouldPrintAnEmptyStringAsNothing() {
            assertThat(plain.text(ok("n", "out", ""), always, false)).endsWith("   Output:\n\n");
        }

        @Test
        void shouldLabelAnOutputTheDdlDoesNotDeclareByItsName() {
            assertThat(plain.text(ok("n", "extra", 7L), always, false)).endsWith("   extra: 7\n\n");
        }

        @Test
        void shouldInspectSymbolsInTheVerboseHash() {
            String printed = plain.text(ok("n", "state", RubySymbol.of("running")), always, true);

            assertThat(printed).contains("{:state=>:running}");
        }
    }
}
