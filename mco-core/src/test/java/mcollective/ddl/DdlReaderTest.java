package mcollective.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import mcollective.protocol.codec.RubySymbol;

class DdlReaderTest {

    static Stream<Path> shippedDdls() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("mco-core"))) {
            dir = dir.getParent();
        }
        return Files.walk(dir.resolve("ddl")).filter(p -> p.toString().endsWith(".ddl")).sorted();
    }

    @ParameterizedTest
    @MethodSource("shippedDdls")
    void shouldReadEveryShippedDdl(Path file) throws IOException {
        String kind = file.getParent().getFileName().toString();
        Ddl ddl = DdlReader.read(kind, file.getFileName().toString().replace(".ddl", ""), Files.readString(file),
                file.toString());

        assertThat(ddl.meta("name")).isNotEmpty();
        assertThat(ddl.meta("description")).isNotEmpty();
    }

    @Nested
    class Rpcutil {
        Ddl rpcutil() throws IOException {
            return shippedDdls().filter(p -> p.toString().endsWith("agent/rpcutil.ddl")).findFirst()
                    .map(p -> {
                        try {
                            return DdlReader.read("agent", "rpcutil", Files.readString(p), p.toString());
                        } catch (IOException e) {
                            throw new AssertionError(e);
                        }
                    }).orElseThrow();
        }

        @Test
        void shouldKnowEveryActionWithItsInputsOutputsAndSummaries() throws IOException {
            Ddl ddl = rpcutil();

            assertThat(ddl.actions().keySet()).containsExactlyInAnyOrder("collective_info", "inventory", "get_fact",
                    "get_facts", "daemon_stats", "agent_inventory", "get_config_item", "ping", "get_data");
            assertThat(ddl.timeout()).hasSeconds(10);
            ActionDdl getFact = ddl.action("get_fact").orElseThrow();
            assertThat(getFact.display()).isEqualTo("always");
            InputItem fact = getFact.inputs().get("fact");
            assertThat(fact.type()).isEqualTo("string");
            assertThat(fact.validation()).contains("^[\\w\\-\\.]+$");
            assertThat(fact.maxlength()).isEqualTo(40);
            assertThat(fact.optional()).isFalse();
            assertThat(getFact.labels()).containsEntry("value", "Value").containsEntry("fact", "Fact");
            assertThat(getFact.aggregates()).extracting(AggregateCall::function, AggregateCall::output)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("summary", "value"));
        }
    }

    @Nested
    class ThirdPartyStyle {
        static final String PUPPET_LIKE = """
                metadata    :name        => "puppet",
                            :description => "Run Puppet agent, get its status, and enable/disable it",
                            :author      => "R.I.Pienaar <rip@devco.net>",
                            :license     => "ASL2.0",
                            :version     => "1.11.1",
                            :url         => "https://github.com/puppetlabs/mcollective-puppet-agent",
                            :timeout     => 20

                requires :mcollective => "2.2.1"

                usage <<-EOU
                  mco puppet runonce --noop
                  mco puppet status
                EOU

                action "runonce", :description => "Invoke a single Puppet run" do
                    input :force,
                          :prompt      => "Force",
                          :description => "Will force a run immediately",
                          :type        => :boolean,
                          :optional    => true,
                          :default     => false

                    input :splaylimit,
                          :prompt      => "Maximum splay time",
                          :type        => :integer,
                          :optional    => true

                    input :tags,
                          :prompt      => "Tags",
                          :type        => :string,
                          :validation  => :puppet_tags,
                          :optional    => true,
                          :maxlength   => 120

                    input :environment, :prompt => "Environment", :type => :list,
                          :list => ["production", "development"], :optional => true

                    output :summary,
                           :description => "Summary of command run",
                           :display_as  => "Summary",
                           :default     => ""

                    summarize do
                        aggregate boolean_summary(:enabled, {:true => "enabled", :false => "disabled"})
                        aggregate average(:runtime, :format => "Average: %0.2f")
                    end
                end

                action "status", :description => "Get the current status of the Puppet agent" do
                    display :always
                    output :enabled, :description => "Is the agent enabled", :display_as => "Enabled"
                end
                """;

        @Test
        void shouldReadAPuppetLikeAgent() {
            Ddl ddl = DdlReader.read("agent", "puppet", PUPPET_LIKE, "puppet.ddl");

            assertThat(ddl.timeout()).hasSeconds(20);
            assertThat(ddl.usage()).contains("  mco puppet runonce --noop\n  mco puppet status\n");
            ActionDdl runonce = ddl.action("runonce").orElseThrow();
            assertThat(runonce.display()).isEqualTo("failed");
            assertThat(runonce.inputs().keySet()).containsExactly("force", "splaylimit", "tags", "environment");
            assertThat(runonce.inputs().get("force").defaultValue()).contains(false);
            assertThat(runonce.inputs().get("tags").validation()).contains(RubySymbol.of("puppet_tags"));
            assertThat(runonce.inputs().get("environment").list()).containsExactly("production", "development");
            assertThat(runonce.aggregates()).hasSize(2);
            assertThat(runonce.aggregates().get(0).arguments()).isEqualTo(Map.of("true", "enabled", "false",
                    "disabled"));
            assertThat(runonce.aggregates().get(1).format()).contains("Average: %0.2f");
            assertThat(ddl.action("status").orElseThrow().display()).isEqualTo("always");
        }

        @Test
        void shouldReadDataAndDiscoveryDdls() {
            Ddl data = DdlReader.read("data", "sysctl", """
                    metadata :name => "sysctl", :description => "x", :author => "a", :license => "l",
                             :version => "1", :url => "u", :timeout => 1
                    dataquery :description => "Sysctl values" do
                        input :query, :prompt => "Variable", :description => "d", :type => :string,
                              :validation => /^[\\w\\-\\.]+$/, :maxlength => 120
                        output :value, :description => "The value", :display_as => "Value"
                    end
                    """, "sysctl_data.ddl");
            assertThat(data.action("query").orElseThrow().inputs().get("query").validation())
                    .contains(new RubyCall.RubyRegex("^[\\w\\-\\.]+$"));

            Ddl discovery = DdlReader.read("discovery", "x", """
                    metadata :name => "x", :timeout => 0
                    discovery do
                        capabilities [:classes, :facts, :identity]
                    end
                    """, "x.ddl");
            assertThat(discovery.capabilities()).containsExactly("classes", "facts", "identity");
        }
    }

    @Nested
    class Errors {
        @Test
        void shouldNameFileAndLineOfAnUnknownStatement() {
            assertThatThrownBy(() -> DdlReader.read("agent", "x", "metadata :name => 'x'\n\nfrobnicate :y\n",
                    "x.ddl")).isInstanceOf(DdlException.class).hasMessage("x.ddl:3: unknown DDL statement 'frobnicate'");
        }

        @Test
        void shouldRefuseInterpolationAndUnterminatedBlocks() {
            assertThatThrownBy(() -> DdlReader.read("agent", "x", "usage \"#{`id`}\"\n", "x.ddl"))
                    .hasMessage("x.ddl:1: string interpolation is not supported in a DDL");
            assertThatThrownBy(() -> DdlReader.read("agent", "x", "action 'a', :description => 'b' do\n", "x.ddl"))
                    .hasMessageStartingWith("x.ddl:").hasMessageContaining("missing 'end'");
        }
    }

}
