package mcollective.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import mcollective.ddl.ruby.RubyDdlParser;

/** A Ruby DSL DDL nested or numbered to break the parser is refused naming the file and the limit. */
class DdlLimitsTest {
    private static final String METADATA = "metadata :name => \"x\", :description => \"d\", :author => \"a\","
            + " :license => \"l\", :version => \"1\", :url => \"u\", :timeout => 1\n";

    @Test
    void shouldRefuseAnArrayNested10000Deep() {
        String ddl = METADATA + "x " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        assertThatThrownBy(() -> RubyDdlParser.parse(DdlKind.AGENT, "deep", ddl, "deep.ddl"))
                .isInstanceOf(DdlException.class)
                .hasMessageContaining("deep.ddl")
                .hasMessageContaining("DDL nested deeper than 64 levels");
    }

    @Test
    void shouldRefuseBlocksNested10000Deep() {
        String ddl = METADATA + "a do\n".repeat(10_000) + "end\n".repeat(10_000);
        assertThatThrownBy(() -> RubyDdlParser.parse(DdlKind.AGENT, "deep", ddl, "deep.ddl"))
                .isInstanceOf(DdlException.class)
                .hasMessageContaining("DDL nested deeper than 64 levels");
    }

    @Test
    void shouldRefuseAnIntegerOutOfRange() {
        String ddl = METADATA.replace(":timeout => 1", ":timeout => 99999999999999999999");
        assertThatThrownBy(() -> RubyDdlParser.parse(DdlKind.AGENT, "big", ddl, "big.ddl"))
                .isInstanceOf(DdlException.class)
                .hasMessageContaining("big.ddl")
                .hasMessageContaining("integer 99999999999999999999 is out of range");
    }

    @Test
    void shouldStillParseARealDdl() {
        String ddl = METADATA + "action \"ping\", :description => \"p\" do\n"
                + "  output :pong, :description => \"t\", :display_as => \"T\"\nend\n";
        assertThat(RubyDdlParser.parse(DdlKind.AGENT, "x", ddl, "x.ddl")).isNotNull();
    }
}
