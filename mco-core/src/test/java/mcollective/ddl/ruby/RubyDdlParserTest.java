package mcollective.ddl.ruby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import mcollective.ddl.ActionDdl;
import mcollective.ddl.AggregateCall;
import mcollective.ddl.Ddl;
import mcollective.ddl.DdlException;
import mcollective.ddl.DdlFixtures;
import mcollective.ddl.DdlKind;
import mcollective.ddl.DdlValidationException;
import mcollective.ddl.InputItem;
import mcollective.ddl.Metadata;
import mcollective.ddl.OutputItem;
import mcollective.protocol.codec.RubyRegexp;
import mcollective.protocol.codec.RubySymbol;

/** The DSL of ddl/*.rb read into the model, with Ruby's rules and messages. */
class RubyDdlParserTest {

    static Ddl parse(String kind, String name, String source) {
        return RubyDdlParser.parse(DdlKind.of(kind), name, source, name + ".ddl");
    }

    static List<Path> shippedDdls() {
        return DdlFixtures.shippedDdls();
    }

    @Nested
    class ShippedDdls {
        @ParameterizedTest
        @MethodSource("mcollective.ddl.ruby.RubyDdlParserTest#shippedDdls")
        void shouldParseEveryDdlMcollectiveShips(Path file) throws IOException {
            DdlKind kind = DdlKind.of(file.getParent().getFileName().toString());
            String name = file.getFileName().toString().replace(".ddl", "");

            Ddl ddl = RubyDdlParser.parse(kind, name, Files.readString(file), file.toString());

            assertThat(ddl.type()).isEqualTo(kind);
            assertThat(ddl.meta().name()).isNotEmpty();
            assertThat(ddl.meta().author()).isNotEmpty();
            assertThat(ddl.meta().timeout().isNegative()).isFalse();
        }

        @Test
        void shouldReadRpcutilCompletely() {
            Ddl rpcutil = DdlFixtures.shipped("agent", "rpcutil");

            assertThat(rpcutil.actions().keySet())
                    .containsExactly(
                            "collective_info",
                            "inventory",
                            "get_fact",
                            "get_facts",
                            "daemon_stats",
                            "agent_inventory",
                            "get_config_item",
                            "get_data",
                            "ping");
            assertThat(rpcutil.meta())
                    .isEqualTo(new Metadata(
                            "rpcutil",
                            "General helpful actions that expose stats and internals to SimpleRPC clients",
                            "R.I.Pienaar <rip@devco.net>",
                            "Apache License, Version 2.0",
                            "1.0",
                            "https://docs.puppetlabs.com/mcollective/",
                            Duration.ofSeconds(10)));
            ActionDdl getFact = rpcutil.action("get_fact").orElseThrow();
            assertThat(getFact.display()).isEqualTo("always");
            assertThat(getFact.inputs().get("fact"))
                    .isEqualTo(new InputItem(
                            "fact",
                            "The name of the fact",
                            "The fact to retrieve",
                            "string",
                            Optional.of("^[\\w\\-\\.]+$"),
                            40,
                            false,
                            Optional.empty(),
                            List.of()));
            assertThat(getFact.labels()).containsExactly(Map.entry("fact", "Fact"), Map.entry("value", "Value"));
            assertThat(getFact.aggregates())
                    .extracting(AggregateCall::function, AggregateCall::output)
                    .containsExactly(tuple("summary", "value"));
            assertThat(rpcutil.action("daemon_stats").orElseThrow().aggregates())
                    .extracting(AggregateCall::output)
                    .containsExactly("version", "agents");
            assertThat(rpcutil.action("get_data")
                            .orElseThrow()
                            .inputs()
                            .get("query")
                            .optional())
                    .isTrue();
        }

        @Test
        void shouldReadDataDiscoveryAggregateAndConnectorDdls() {
            Ddl fact = DdlFixtures.shipped("data", "fact_data");
            ActionDdl query = fact.dataquery().orElseThrow();
            assertThat(query.description()).isEqualTo("Fact");
            assertThat(query.inputs().get("query").validation()).contains(RubyRegexp.literal(".", ""));
            assertThat(query.outputs().keySet()).containsExactly("exists", "value", "value_encoding");
            assertThat(fact.meta().timeout()).isEqualTo(Duration.ofSeconds(1));

            assertThat(DdlFixtures.shipped("discovery", "mc").capabilities())
                    .containsExactly("classes", "facts", "identity", "agents", "compound");
            assertThat(DdlFixtures.shipped("aggregate", "sum").usage().orElseThrow())
                    .contains("  This aggregate plugin will determine the total added value of a set of values.");
            assertThat(DdlFixtures.shipped("connector", "activemq").requiredVersion())
                    .contains("2.6.0");
            assertThat(DdlFixtures.shipped("validator", "array_validator").actions())
                    .isEmpty();
        }
    }

    @Nested
    class ThirdPartyDdls {
        @Test
        void shouldReadAPuppetLikeAgent() {
            Ddl ddl = parse("agent", "puppet", DdlFixtures.PUPPET_LIKE);

            assertThat(ddl.timeout()).hasSeconds(20);
            assertThat(ddl.requirements()).containsEntry("mcollective", "2.2.1");
            assertThat(ddl.usage()).contains("  mco puppet runonce --noop\n  mco puppet status\n");
            ActionDdl runonce = ddl.action("runonce").orElseThrow();
            assertThat(runonce.display()).isEqualTo("failed");
            assertThat(runonce.inputs().keySet()).containsExactly("force", "splaylimit", "tags", "environment", "noop");
            assertThat(runonce.inputs().get("force").defaultValue()).contains(false);
            assertThat(runonce.inputs().get("tags").validatorName()).contains("puppet_tags");
            assertThat(runonce.inputs().get("environment").list()).containsExactly("production", "development");
            assertThat(runonce.outputs().get("summary").defaultValue()).contains("");
            assertThat(runonce.aggregates())
                    .extracting(
                            AggregateCall::function,
                            AggregateCall::output,
                            AggregateCall::arguments,
                            AggregateCall::format)
                    .containsExactly(
                            tuple(
                                    "boolean_summary",
                                    "enabled",
                                    Map.of("true", "enabled", "false", "disabled"),
                                    Optional.empty()),
                            tuple("average", "runtime", Map.of(), Optional.of("Average: %0.2f")),
                            tuple("summary", "summary", Map.of(), Optional.empty()));
            assertThat(ddl.action("status").orElseThrow().display()).isEqualTo("always");
        }

        @Test
        void shouldReadPackageAndServiceLikeAgents() {
            Ddl pkg = parse("agent", "package", DdlFixtures.PACKAGE_LIKE);
            assertThat(pkg.actions().keySet()).containsExactly("install", "yum_clean", "count");
            assertThat(pkg.action("count").orElseThrow().aggregates().get(0).format())
                    .contains("Total: %d");

            Ddl service = parse("agent", "service", DdlFixtures.SERVICE_LIKE);
            ActionDdl restart = service.action("restart").orElseThrow();
            assertThat(restart.inputs().get("unit").validation()).contains(RubyRegexp.literal("^\\w+\\.service$", "i"));
            assertThat(restart.inputs().get("count").validation()).isEmpty();
            assertThat(service.action("status")
                            .orElseThrow()
                            .outputs()
                            .get("status")
                            .defaultValue())
                    .contains("unknown");
        }

        @Test
        void shouldLetALaterActionWithTheSameNameAddToIt() {
            Ddl ddl = parse("agent", "x", DdlFixtures.withMetadata("x", """
                    action "a", :description => "first" do
                        output :one, :description => "d", :display_as => "One"
                    end
                    action "a", :description => "second" do
                        output :two, :description => "d", :display_as => "Two"
                    end
                    """));
            ActionDdl a = ddl.action("a").orElseThrow();
            assertThat(a.description()).isEqualTo("first");
            assertThat(a.outputs().keySet()).containsExactly("one", "two");
        }
    }

    @Nested
    class DslRules {
        void fails(String kind, String body, String message) {
            assertThatThrownBy(() -> parse(kind, "x", DdlFixtures.withMetadata("x", body)))
                    .isInstanceOf(DdlException.class)
                    .hasMessage(message);
        }

        @Test
        void shouldNeedEveryMetadataProperty() {
            assertThatThrownBy(() -> parse("agent", "x", "metadata :name => 'x', :description => 'd'\n"))
                    .hasMessage("x.ddl:1: Metadata needs a :author property");
        }

        @Test
        void shouldReadAStringMaxlengthAsRubysToI() {
            Ddl ddl = parse("agent", "x", DdlFixtures.withMetadata("x", """
                    action 'a', :description => 'd' do
                      input :i, :prompt => 'p', :description => 'd', :type => :string, :optional => true,
                                :validation => '.', :maxlength => " 1_2 chars"
                    end
                    """));

            assertThat(ddl.action("a").orElseThrow().inputs().get("i").maxlength())
                    .isEqualTo(12);
        }

        @Test
        void shouldCheckInputsAsRubyDoes() {
            String input = "action 'a', :description => 'd' do\n  input :i, %s\nend\n";
            fails(
                    "agent",
                    input.formatted(":prompt => 'p', :description => 'd', :type => :integer"),
                    "x.ddl:4: Input needs a :optional property");
            fails(
                    "agent",
                    input.formatted(":prompt => 'p', :type => :integer, :optional => true"),
                    "x.ddl:4: Input needs a :description property");
            fails(
                    "agent",
                    input.formatted(":prompt => 'p', :description => 'd', :type => :string, :optional => true,"
                            + " :maxlength => 1"),
                    "x.ddl:4: Input type :string needs a :validation argument");
            fails(
                    "agent",
                    input.formatted(":prompt => 'p', :description => 'd', :type => :string, :optional => true,"
                            + " :validation => '.'"),
                    "x.ddl:4: Input type :string needs a :maxlength argument");
            fails(
                    "agent",
                    input.formatted(":prompt => 'p', :description => 'd', :type => :list, :optional => true"),
                    "x.ddl:4: Input type :list needs a :list argument");
        }

        @Test
        void shouldCheckOutputsActionsAndDisplay() {
            fails(
                    "agent",
                    "action 'a', :description => 'd' do\n  output :o, :display_as => 'O'\nend\n",
                    "x.ddl:4: Output o needs a description argument");
            fails(
                    "agent",
                    "action 'a', :description => 'd' do\n  output :o, :description => 'O'\nend\n",
                    "x.ddl:4: Output o needs a display_as argument");
            fails("agent", "action 'a' do\nend\n", "x.ddl:3: Action needs a :description property");
            fails(
                    "agent",
                    "action 'a', :description => 'd' do\n  display :sometimes\nend\n",
                    "x.ddl:4: Display preference sometimes is not valid, should be :ok, :failed, :flatten or :always");
        }

        @Test
        void shouldCheckAggregates() {
            fails(
                    "agent",
                    "action 'a', :description => 'd' do\n summarize do\n  aggregate :x\n end\nend\n",
                    "x.ddl:5: Functions supplied to aggregate should be a hash");
            fails(
                    "agent",
                    "action 'a', :description => 'd' do\n summarize do\n  aggregate sum(:x), :f => 1\n end\nend\n",
                    "x.ddl:5: Formats supplied to aggregation functions must have a :format key");
            fails(
                    "agent",
                    "action 'a', :description => 'd' do\n summarize do\n  aggregate sum()\n end\nend\n",
                    "x.ddl:5: aggregate method for action 'a' missing a function parameter");
        }

        @Test
        void shouldCheckDataAndDiscoveryBodies() {
            fails(
                    "data",
                    "dataquery :description => 'q' do\n  input :other, :prompt => 'p', :description => 'd',"
                            + " :type => :integer\nend\n",
                    "x.ddl:4: The only valid input name for a data query is 'query'");
            fails("data", "dataquery do\nend\n", "x.ddl:3: Data queries need a :description");
            fails(
                    "discovery",
                    "discovery do\n  capabilities []\nend\n",
                    "x.ddl:4: Discovery plugin capabilities can't be empty");
            fails(
                    "discovery",
                    "discovery do\n  capabilities :fqdn\nend\n",
                    "x.ddl:4: fqdn is not a valid capability,"
                            + " valid capabilities are :classes, :facts, :identity, :agents and :compound");
        }

        @Test
        void shouldRefuseStatementsOfAnotherKind() {
            fails(
                    "validator",
                    "action 'a', :description => 'd'\n",
                    "x.ddl:3: undefined local variable or method `action' in a validator DDL (only agent DDLs have it)");
            fails(
                    "agent",
                    "frobnicate :y\n",
                    "x.ddl:3: undefined local variable or method `frobnicate' in a agent DDL");
        }

        @Test
        void shouldCheckRequirements() {
            fails(
                    "agent",
                    "requires :puppet => '1'\n",
                    "x.ddl:3: Requirement puppet is not a valid requirement, only mcollective is supported");
            assertThatThrownBy(() ->
                            parse("agent", "x", DdlFixtures.withMetadata("x", "requires :mcollective => '2.13.0'\n")))
                    .isInstanceOf(DdlValidationException.class)
                    .hasMessage("x.ddl:3: Agent plugin 'x' requires MCollective version 2.13.0 or newer");
            assertThat(parse("agent", "x", DdlFixtures.withMetadata("x", "requires :mcollective => '2.9.1'\n"))
                            .requiredVersion())
                    .contains("2.9.1");
        }

        @Test
        void shouldUnrollLoopsOverLiteralListsAsDebiansAgentDataDdlWrites() {
            String debianAgentData = """
                    dataquery :description => "Agent Meta Data" do
                        [:license, :timeout].each do |item|
                          output item,
                                 :description => "Agent #{item}",
                                 :display_as => item.to_s.capitalize
                        end
                    end
                    """;
            Ddl ddl = parse("data", "agent_data", DdlFixtures.withMetadata("agent", debianAgentData));

            assertThat(ddl.action("query").orElseThrow().outputs().values())
                    .extracting(OutputItem::name, OutputItem::description, OutputItem::displayAs)
                    .containsExactly(
                            tuple("license", "Agent license", "License"), tuple("timeout", "Agent timeout", "Timeout"));
        }

        @Test
        void shouldUnrollActionLoopsAsTheServiceAndChefAgentDdlsWrite() {
            Ddl ddl = parse("agent", "svc", DdlFixtures.withMetadata("svc", """
                    %w{start stop}.each do |act|
                        action act, :description => "#{act.capitalize} the daemon" do
                            display :failed
                            output :exitcode, :description => "exit code of #{act}", :display_as => "Exit"
                        end
                    end
                    """));

            assertThat(ddl.actions().keySet()).containsExactly("start", "stop");
            assertThat(ddl.action("stop").orElseThrow().description()).isEqualTo("Stop the daemon");
            assertThat(ddl.action("stop")
                            .orElseThrow()
                            .outputs()
                            .get("exitcode")
                            .description())
                    .isEqualTo("exit code of stop");
        }

        @Test
        void shouldUnrollNestedLoopsEachWithItsOwnVariable() {
            Ddl ddl = parse("agent", "svc", DdlFixtures.withMetadata("svc", """
                    %w{start stop}.each do |act|
                        action act, :description => "#{act.capitalize}" do
                            [:pid, :exitcode].each do |out|
                                output out, :description => "#{out}", :display_as => out.to_s.upcase
                            end
                        end
                    end
                    """));

            assertThat(ddl.actions().keySet()).containsExactly("start", "stop");
            assertThat(ddl.action("stop").orElseThrow().outputs().values())
                    .extracting(OutputItem::name, OutputItem::displayAs)
                    .containsExactly(tuple("pid", "PID"), tuple("exitcode", "EXITCODE"));
        }

        @Test
        void shouldRefuseAVariableThatNoLoopDefines() {
            assertThatThrownBy(() -> parse("agent", "x", DdlFixtures.withMetadata("x", """
                            action name, :description => "d" do
                            end
                            """)))
                    .isInstanceOf(DdlException.class)
                    .hasMessageContaining("action needs a name (a :symbol or \"string\") but got name;");
        }

        @Test
        void shouldRefuseInterpolationOutsideALoopAndRubyBeyondItsVariable() {
            assertThatThrownBy(() -> parse(
                            "agent",
                            "x",
                            DdlFixtures.withMetadata("x", "action \"a\", :description => \"#{nope}\" do\nend\n")))
                    .isInstanceOf(DdlException.class)
                    .hasMessageContaining(
                            "string interpolation is not supported in a DDL outside an each loop: #{nope}");
            assertThatThrownBy(() -> parse(
                            "agent",
                            "x",
                            DdlFixtures.withMetadata(
                                    "x",
                                    "%w{a}.each do |act|\n action act, :description => act.send(:x) do\n end\nend\n")))
                    .isInstanceOf(DdlException.class)
                    .hasMessageContaining("only a loop variable with capitalize");
            assertThatThrownBy(() -> parse(
                            "agent",
                            "x",
                            DdlFixtures.withMetadata(
                                    "x", "[1, 2].each do |n|\n action n, :description => \"d\" do\n end\nend\n")))
                    .isInstanceOf(DdlException.class)
                    .hasMessageContaining("each loops in a DDL can only go over strings and symbols");
        }
    }

    @Test
    void shouldTypeMetadataAndKeepItAsWritten() {
        Ddl ddl = parse(
                "agent",
                "x",
                "metadata :name => 'x', :description => 'd', :author => 'a', :license => 'l',"
                        + " :version => 1.5, :url => 'u', :timeout => 2.5\n");
        assertThat(ddl.meta().version()).isEqualTo("1.5");
        assertThat(ddl.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(ddl.metadata()).containsEntry("timeout", 2.5);
        assertThat(ddl.kind()).isEqualTo("agent");
        assertThat(parse("agent", "empty", "# nothing here\n").meta()).isEqualTo(Metadata.none("empty"));
    }

    @Test
    void shouldKeepSymbolValidationsAsNamedValidators() {
        Ddl ddl = parse("agent", "service", DdlFixtures.SERVICE_LIKE);
        InputItem service = ddl.action("restart").orElseThrow().inputs().get("service");
        assertThat(service.validation()).contains(RubySymbol.of("shellsafe"));
        assertThat(service.validationRegex()).isEmpty();
    }
}
