package mcollective.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.ddl.ruby.RubyDdlParser;
import mcollective.spi.Validator;

/**
 * Request validation as ddl/agentddl.rb and ddl/base.rb do it. Expected messages were produced by MCollective
 * 2.12.5 (Debian's ruby mcollective) with {@code Validator.validate} and {@code DDL.string_to_*}.
 */
class DdlValidatorTest {
    static final Ddl SERVICE = RubyDdlParser.parse(DdlKind.AGENT, "service", DdlFixtures.SERVICE_LIKE, "service.ddl");
    static final Ddl PUPPET = RubyDdlParser.parse(DdlKind.AGENT, "puppet", DdlFixtures.PUPPET_LIKE, "puppet.ddl");

    final List<Object> seenByPuppetTags = new ArrayList<>();
    final Validator puppetTags = new Validator() {
        @Override
        public String name() {
            return "puppet_tags";
        }

        @Override
        public void validate(Object value, Object argument) {
            seenByPuppetTags.add(value);
            if (String.valueOf(value).contains(" ")) {
                throw new DdlValidationException("value should be a valid puppet tag");
            }
        }
    };
    final Validator shellsafe = new Validator() {
        @Override
        public String name() {
            return "shellsafe";
        }

        @Override
        public void validate(Object value, Object argument) {
            if (String.valueOf(value).contains(";")) {
                throw new DdlValidationException("value should not have ; in it");
            }
        }
    };
    final DdlValidator validator = DdlValidator.of(List.of(puppetTags, shellsafe));

    static Map<String, Object> args(Object... keyValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            args.put((String) keyValues[i], keyValues[i + 1]);
        }
        return args;
    }

    void restart(Object... keyValues) {
        validator.validateRpcRequest(SERVICE, "restart", args(keyValues));
    }

    @Nested
    class ValidateRpcRequest {
        @Test
        void shouldAcceptAValidRequestAndIgnoreUndeclaredInputs() {
            assertThatCode(() -> restart(
                            "service",
                            "nginx",
                            "count",
                            3L,
                            "ratio",
                            0.5,
                            "weight",
                            7,
                            "options",
                            Map.of("a", 1),
                            "hosts",
                            List.of("a"),
                            "mode",
                            "soft",
                            "unit",
                            "NGINX.service",
                            "extra",
                            "anything"))
                    .doesNotThrowAnyException();
        }

        @Test
        void shouldRefuseUndeclaredActionsAndMissingInputs() {
            assertThatThrownBy(() -> validator.validateRpcRequest(SERVICE, "stop", Map.of()))
                    .isInstanceOf(DdlValidationException.class)
                    .hasMessage("Attempted to call action stop for service but it's not declared in the DDL");
            assertThatThrownBy(() -> restart("address", "10.0.0.1"))
                    .hasMessage("Action restart needs a service argument");
        }

        @Test
        void shouldCheckStringsForTypeLengthAndValidationInThatOrder() {
            assertThatThrownBy(() -> restart("service", 5L))
                    .hasMessage("Cannot validate input service: value should be a string");
            assertThatThrownBy(() -> restart("service", "x;".repeat(46)))
                    .hasMessage("Cannot validate input service: Input string is longer than 90 character(s)");
            assertThatThrownBy(() -> restart("service", "nginx; rm -rf /"))
                    .hasMessage("Cannot validate input service: value should not have ; in it");
            assertThatCode(() -> restart("service", "\u00e9".repeat(90))).doesNotThrowAnyException();
        }

        @Test
        void shouldPrintRegexesAsRubyDoes() {
            assertThatThrownBy(() -> validator.validateRpcRequest(SERVICE, "status", args("service", "a b")))
                    .hasMessage("Cannot validate input service: value should match ^[a-zA-Z\\-_\\d\\.@]+$");
            assertThatThrownBy(() -> restart("service", "x", "unit", "nginx.socket"))
                    .hasMessage("Cannot validate input unit: value should match (?i-mx:^\\w+\\.service$)");
        }

        @Test
        void shouldCheckTypedInputs() {
            assertThatThrownBy(() -> restart("service", "x", "count", "3"))
                    .hasMessage("Cannot validate input count: value should be a integer");
            assertThatThrownBy(() -> restart("service", "x", "count", 3.0))
                    .hasMessage("Cannot validate input count: value should be a integer");
            assertThatCode(() -> restart("service", "x", "count", BigInteger.TEN.pow(30)))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> restart("service", "x", "ratio", 1L))
                    .hasMessage("Cannot validate input ratio: value should be a float");
            assertThatThrownBy(() -> restart("service", "x", "weight", "7"))
                    .hasMessage("Cannot validate input weight: value should be a number");
            assertThatThrownBy(() -> validator.validateRpcRequest(PUPPET, "runonce", args("noop", "yes")))
                    .hasMessage("Cannot validate input noop: value should be a boolean");
            assertThatThrownBy(() -> restart("service", "x", "mode", "medium"))
                    .hasMessage("Cannot validate input mode: value should be one of soft, hard");
        }

        @Test
        void shouldCheckHashAndArrayTypesForWhatTheyNameQ6() {
            assertThatThrownBy(() -> restart("service", "x", "options", "a=1"))
                    .hasMessage("Cannot validate input options: value should be a hash");
            assertThatThrownBy(() -> restart("service", "x", "hosts", "a,b"))
                    .hasMessage("Cannot validate input hosts: value should be a array");
        }

        @Test
        void shouldCallNamedValidatorsWithTheValue() {
            validator.validateRpcRequest(PUPPET, "runonce", args("noop", true, "tags", "apache,mysql"));
            assertThat(seenByPuppetTags).containsExactly("apache,mysql");
            assertThatThrownBy(() -> validator.validateRpcRequest(PUPPET, "runonce", args("noop", true, "tags", "a b")))
                    .hasMessage("Cannot validate input tags: value should be a valid puppet tag");
        }

        @Test
        void shouldNameAnUnknownValidatorAsRubyDoes() {
            DdlValidator bare = DdlValidator.of(List.of());
            assertThatThrownBy(() -> bare.validateRpcRequest(PUPPET, "runonce", args("noop", true, "tags", "a")))
                    .isInstanceOf(DdlValidationException.class)
                    .hasMessage("Cannot validate input tags: Unknown validator: 'puppet_tags'.");
        }

        @Test
        void shouldNotFillDefaultsOnANode() {
            assertThatThrownBy(() -> validator.validateRpcRequest(PUPPET, "runonce", args()))
                    .hasMessage("Action runonce needs a noop argument");
        }
    }

    @Nested
    class Defaults {
        @Test
        void shouldFillDefaultsOnlyForRequiredInputsQ7() {
            Map<String, Object> arguments = args();
            validator.setDefaultInputArguments(PUPPET, "runonce", arguments);

            // environment (optional, default "production") and force (optional, default false) stay unset.
            assertThat(arguments).containsExactly(Map.entry("noop", true));
        }

        @Test
        void shouldKeepGivenValuesAndValidateAfterwardsOnAClient() {
            Map<String, Object> arguments = args("noop", false);
            validator.validate(PUPPET, "runonce", arguments);
            assertThat(arguments).containsExactly(Map.entry("noop", false));

            Map<String, Object> empty = args();
            validator.validate(PUPPET, "runonce", empty);
            assertThat(empty).containsEntry("noop", true);
        }
    }

    @Nested
    class ConvertInput {
        InputItem typed(String type) {
            return new InputItem("i", "p", "d", type, Optional.empty(), 0, true, Optional.empty(), List.of());
        }

        @Test
        void shouldConvertBooleansAsStringToBoolean() {
            for (String yes : List.of("true", "T", "yes", "Y", "1")) {
                assertThat(DdlValidator.convertInput(typed("boolean"), yes)).isEqualTo(true);
            }
            for (String no : List.of("false", "f", "NO", "n", "0")) {
                assertThat(DdlValidator.convertInput(typed("boolean"), no)).isEqualTo(false);
            }
            assertThatThrownBy(() -> DdlValidator.convertInput(typed("boolean"), "maybe"))
                    .isInstanceOf(DdlValidationException.class)
                    .hasMessage("maybe does not look like a boolean argument");
        }

        @Test
        void shouldConvertNumbersAsStringToNumber() {
            assertThat(DdlValidator.convertInput(typed("integer"), "42")).isEqualTo(42L);
            assertThat(DdlValidator.convertInput(typed("float"), "2")).isEqualTo(2L);
            assertThat(DdlValidator.convertInput(typed("number"), "2.50")).isEqualTo(2.5);
            assertThat(DdlValidator.convertInput(typed("integer"), "123456789012345678901234"))
                    .isEqualTo(new BigInteger("123456789012345678901234"));
            assertThatThrownBy(() -> DdlValidator.convertInput(typed("integer"), "1e5"))
                    .hasMessage("1e5 does not look like a number");
            assertThatThrownBy(() -> DdlValidator.convertInput(typed("number"), "-1"))
                    .hasMessage("-1 does not look like a number");
        }

        @Test
        void shouldLeaveOtherTypesAsStrings() {
            assertThat(DdlValidator.convertInput(typed("string"), "42")).isEqualTo("42");
            assertThat(DdlValidator.convertInput(typed("list"), "true")).isEqualTo("true");
        }
    }
}
