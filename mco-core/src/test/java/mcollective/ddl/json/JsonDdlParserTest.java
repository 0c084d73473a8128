package mcollective.ddl.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import mcollective.ddl.ActionDdl;
import mcollective.ddl.AggregateCall;
import mcollective.ddl.Ddl;
import mcollective.ddl.DdlException;
import mcollective.ddl.DdlKind;
import mcollective.ddl.DdlValidator;
import mcollective.ddl.InputItem;
import mcollective.protocol.codec.RubySymbol;

/** Choria's JSON DDLs land in the same model as Ruby ones and validate requests the same way. */
class JsonDdlParserTest {
    static final String RPCUTIL_PART = """
            {"$schema": "https://choria.io/schemas/mcorpc/ddl/v1/agent.json",
             "metadata": {"name": "rpcutil", "description": "Utility actions", "author": "R.I.Pienaar",
                          "license": "Apache-2.0", "version": "0.29.4", "url": "https://choria.io/", "timeout": 2},
             "actions": [
               {"action": "get_fact", "description": "Retrieve a single fact from the fact store",
                "display": "always",
                "input": {"fact": {"prompt": "The name of the fact", "description": "The fact to retrieve",
                                   "type": "string", "default": null, "optional": false, "validation": ".+",
                                   "maxlength": 512},
                          "host": {"prompt": "Host", "description": "Where", "type": "string", "optional": true,
                                   "validation": "shellsafe", "maxlength": 0},
                          "level": {"prompt": "Level", "description": "How", "type": "list", "optional": true,
                                    "list": ["low", "high"], "default": "low"}},
                "output": {"fact": {"description": "The name of the fact being returned", "display_as": "Fact",
                                    "type": "string"},
                           "value": {"description": "The value of the fact", "display_as": "Value", "default": null},
                           "times": {"description": "Times", "display_as": "Times", "type": "Hash"}},
                "aggregate": [{"function": "summary", "args": ["value"]},
                              {"function": "average", "args": ["value", {"format": "%0.2f"}]}]},
               {"action": "ping", "description": "Responds to requests for PING with PONG", "input": {},
                "output": {"pong": {"description": "The local Unix timestamp", "display_as": "Timestamp",
                                    "type": "number"}}}
             ]}
            """;

    static Ddl rpcutil() {
        return JsonDdlParser.parse(DdlKind.AGENT, "rpcutil", RPCUTIL_PART, "rpcutil.json");
    }

    @Test
    void shouldReadAChoriaAgentDdl() {
        Ddl ddl = rpcutil();

        assertThat(ddl.meta().version()).isEqualTo("0.29.4");
        assertThat(ddl.timeout()).hasSeconds(2);
        assertThat(ddl.actions().keySet()).containsExactly("get_fact", "ping");
        ActionDdl getFact = ddl.action("get_fact").orElseThrow();
        assertThat(getFact.display()).isEqualTo("always");
        assertThat(ddl.action("ping").orElseThrow().display()).isEqualTo("failed");
        InputItem fact = getFact.inputs().get("fact");
        assertThat(fact.maxlength()).isEqualTo(512);
        assertThat(fact.defaultValue()).isEmpty();
        assertThat(fact.validationRegex()).contains(".+");
        assertThat(getFact.inputs().get("host").validation()).contains(RubySymbol.of("shellsafe"));
        assertThat(getFact.inputs().get("level").list()).containsExactly("low", "high");
        assertThat(getFact.outputs().get("times").type()).contains("hash");
        assertThat(getFact.outputs().get("value").type()).isEmpty();
        assertThat(getFact.labels()).containsEntry("value", "Value");
        assertThat(getFact.aggregates())
                .containsExactly(
                        new AggregateCall("summary", "value", Map.of(), Optional.empty()),
                        new AggregateCall("average", "value", Map.of(), Optional.of("%0.2f")));
    }

    @Test
    void shouldValidateLikeARubyDdl() {
        DdlValidator validator = new DdlValidator(name -> (v, n) -> {});
        Ddl ddl = rpcutil();

        assertThatThrownBy(() -> validator.validate(ddl, "get_fact", new LinkedHashMap<>()))
                .hasMessage("Action get_fact needs a fact argument");
        assertThatThrownBy(() -> validator.validate(
                        ddl, "get_fact", new LinkedHashMap<>(Map.of("fact", "x", "level", "medium"))))
                .hasMessage("Cannot validate input level: value should be one of low, high");
    }

    @Test
    void shouldReadAChoriaDataDdl() {
        Ddl ddl = JsonDdlParser.parse(DdlKind.DATA, "sysctl_data", """
                {"metadata": {"name": "sysctl", "description": "Sysctl values", "author": "a", "license": "l",
                              "version": "1.0", "url": "u", "timeout": 1, "provider": "golang"},
                 "query": {"prompt": "Variable", "description": "The variable", "type": "string",
                           "validation": "^[\\\\w.]+$", "maxlength": 120},
                 "output": {"value": {"description": "The value", "display_as": "Value", "type": "string"}}}
                """, "sysctl_data.json");

        ActionDdl query = ddl.dataquery().orElseThrow();
        assertThat(query.inputs().get("query").validationRegex()).contains("^[\\w.]+$");
        assertThat(query.outputs().keySet()).containsExactly("value");
        assertThat(ddl.metadata()).containsEntry("provider", "golang");
    }

    @Test
    void shouldNameTheFileAndLineOfBrokenJson() {
        assertThatThrownBy(() -> JsonDdlParser.parse(DdlKind.AGENT, "x", "{\n\"metadata\": [", "x.json"))
                .isInstanceOf(DdlException.class)
                .hasMessageStartingWith("x.json:2: ");
    }

    @Test
    void shouldApplyTheSchemasRules() {
        String meta = "\"metadata\": {\"name\": \"x\", \"description\": \"d\", \"author\": \"a\", \"license\": \"l\","
                + " \"version\": \"1\", \"url\": \"u\", \"timeout\": 2}";
        assertThatThrownBy(() -> JsonDdlParser.parse(DdlKind.AGENT, "x", "{\"metadata\": {\"name\": \"x\"}}", "x.json"))
                .hasMessage("x.json: metadata: Metadata needs a :description property");
        assertThatThrownBy(() -> JsonDdlParser.parse(
                        DdlKind.AGENT,
                        "x",
                        "{" + meta + ", \"actions\": [{\"action\": \"a\","
                                + " \"input\": {\"i\": {\"prompt\": \"p\", \"description\": \"d\", \"type\": \"string\","
                                + " \"optional\": true, \"validation\": \".\"}}}]}",
                        "x.json"))
                .hasMessage("x.json: a.input.i: Input type :string needs a :maxlength argument");
        assertThatThrownBy(() -> JsonDdlParser.parse(
                        DdlKind.AGENT,
                        "x",
                        "{" + meta + ", \"actions\": [{\"action\": \"a\","
                                + " \"output\": {\"o\": {\"description\": \"d\"}}}]}",
                        "x.json"))
                .hasMessage("x.json: a.output.o: Output o needs a display_as argument");
        assertThatThrownBy(() -> JsonDdlParser.parse(DdlKind.AGENT, "x", "{" + meta + ", \"actions\": [{}]}", "x.json"))
                .hasMessage("x.json: actions[0]: an action needs an \"action\" name");
    }
}
