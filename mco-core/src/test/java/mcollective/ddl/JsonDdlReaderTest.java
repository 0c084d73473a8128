package mcollective.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Choria's JSON DDLs land in the same model as Ruby ones and validate requests the same way. */
class JsonDdlReaderTest {
    static final String RPCUTIL_PART = """
            {"$schema": "https://choria.io/schemas/mcorpc/ddl/v1/agent.json",
             "metadata": {"name": "rpcutil", "description": "Utility actions", "author": "R.I.Pienaar",
                          "license": "Apache-2.0", "version": "0.29.4", "url": "https://choria.io/", "timeout": 2},
             "actions": [
               {"action": "get_fact", "description": "Retrieve a single fact from the fact store",
                "display": "always",
                "input": {"fact": {"prompt": "The name of the fact", "description": "The fact to retrieve",
                                   "type": "string", "default": null, "optional": false, "validation": ".+",
                                   "maxlength": 512}},
                "output": {"fact": {"description": "The name of the fact being returned", "display_as": "Fact",
                                    "type": "string"},
                           "value": {"description": "The value of the fact", "display_as": "Value", "default": null}},
                "aggregate": [{"function": "summary", "args": ["value"]},
                              {"function": "average", "args": ["value", {"format": "%0.2f"}]}]}
             ]}
            """;

    @Test
    void shouldReadAChoriaAgentDdl() {
        Ddl ddl = JsonDdlReader.read("agent", "rpcutil", RPCUTIL_PART, "rpcutil.json");

        assertThat(ddl.timeout()).hasSeconds(2);
        ActionDdl getFact = ddl.action("get_fact").orElseThrow();
        assertThat(getFact.display()).isEqualTo("always");
        assertThat(getFact.inputs().get("fact").maxlength()).isEqualTo(512);
        assertThat(getFact.labels()).containsEntry("value", "Value");
        assertThat(getFact.aggregates()).hasSize(2);
        assertThat(getFact.aggregates().get(1).format()).contains("%0.2f");
    }

    @Test
    void shouldValidateLikeARubyDdl() {
        Ddl ddl = JsonDdlReader.read("agent", "rpcutil", RPCUTIL_PART, "rpcutil.json");
        DdlValidator validator = new DdlValidator(name -> (v, n) -> { });

        assertThatThrownBy(() -> validator.validate(ddl, "get_fact", new LinkedHashMap<>()))
                .hasMessage("Action get_fact needs a fact argument");
        Map<String, Object> args = new LinkedHashMap<>(Map.of("fact", "os.family"));
        validator.validate(ddl, "get_fact", args);
    }

    @Test
    void shouldNameTheFileOfBrokenJson() {
        assertThatThrownBy(() -> JsonDdlReader.read("agent", "x", "{\n\"metadata\": [", "x.json"))
                .isInstanceOf(DdlException.class).hasMessageStartingWith("x.json:");
    }
}
