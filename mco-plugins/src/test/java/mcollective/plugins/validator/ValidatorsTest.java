package mcollective.plugins.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import mcollective.config.Config;
import mcollective.ddl.Ddl;
import mcollective.ddl.DdlKind;
import mcollective.ddl.DdlValidationException;
import mcollective.ddl.DdlValidator;
import mcollective.ddl.ruby.RubyDdlParser;
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.codec.RubyRegexp;
import mcollective.protocol.codec.RubySymbol;
import mcollective.spi.PluginContext;
import mcollective.spi.Validator;

/**
 * The named validators with MCollective's messages. Every expected message and every accept/reject verdict was
 * produced by MCollective 2.12.5 ({@code ruby -e 'require "mcollective"; MCollective::Validator.validate(v, t)'}).
 */
class ValidatorsTest {
    static final Ddl SERVICE = RubyDdlParser.parse(DdlKind.AGENT, "service", """
            metadata :name => "service", :description => "d", :author => "a", :license => "l", :version => "1",
                     :url => "u", :timeout => 60
            action "restart", :description => "Restart a service" do
                input :service, :prompt => "Service", :description => "d", :type => :string,
                      :validation => :shellsafe, :optional => false, :maxlength => 90
                input :address, :prompt => "Address", :description => "d", :type => :string,
                      :validation => :ipv4address, :optional => true, :maxlength => 18
                input :address6, :prompt => "Address", :description => "d", :type => :string,
                      :validation => :ipv6address, :optional => true, :maxlength => 0
                input :size, :prompt => "Size", :description => "d", :type => :string,
                      :validation => :length, :optional => true, :maxlength => 0
            end
            """, "service.ddl");

    final DdlValidator validator = DdlValidator.using(new PluginContext(
            Config.defaults(), "ddl", PluginRegistry.discover(), Clock.systemUTC(), Map.of(), Map.of()));

    void restart(Object... keyValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            args.put((String) keyValues[i], keyValues[i + 1]);
        }
        validator.validateRpcRequest(SERVICE, "restart", args);
    }

    @Nested
    class InADdl {
        @Test
        void shouldAcceptValidInputs() {
            assertThatCode(() -> restart("service", "nginx", "address", "10.1.2.3/8", "address6", "fe80::1%eth0"))
                    .doesNotThrowAnyException();
        }

        @Test
        void shouldRefuseWithMcollectivesMessages() {
            assertThatThrownBy(() -> restart("service", "nginx; rm -rf /"))
                    .isInstanceOf(DdlValidationException.class)
                    .hasMessage("Cannot validate input service: value should not have ; in it");
            assertThatThrownBy(() -> restart("service", "x", "address", "10.1.2.300"))
                    .hasMessage("Cannot validate input address: value should be an ipv4 address");
            assertThatThrownBy(() -> restart("service", "x", "address6", "1.2.3.4"))
                    .hasMessage("Cannot validate input address6: value should be an ipv6 address");
        }

        @Test
        void shouldFailATwoArgumentValidatorNamedAloneAsRubyDoes() {
            assertThatThrownBy(() -> restart("service", "x", "size", "abc"))
                    .hasMessage("Cannot validate input size: wrong number of arguments (given 1, expected 2)");
        }
    }

    @Nested
    class Directly {
        @ParameterizedTest
        @CsvSource(
                delimiter = ' ',
                value = {"a;b ;", "a>b >", "a&&b &&", "a`b `", "a$b $", "a|b |", "a<b <"})
        void shouldNameTheUnsafeCharacter(String value, String chr) {
            assertThatThrownBy(() -> new ShellsafeValidator().validate(value, null))
                    .hasMessage("value should not have " + chr + " in it");
        }

        @Test
        void shouldCheckShellsafeInputsAreStrings() {
            assertThatCode(() -> new ShellsafeValidator().validate("a&b", null)).doesNotThrowAnyException();
            assertThatThrownBy(() -> new ShellsafeValidator().validate(1L, null))
                    .hasMessage("value should be a String");
        }

        @ParameterizedTest
        @CsvSource({
            "1.2.3.4,true,false",
            "10.0.0.0/8,true,false",
            "1.2.3,false,false",
            "256.1.1.1,false,false",
            "01.2.3.4,false,false",
            "1.2.3.4/33,false,false",
            "1.2.3.4/255.255.0.0,true,false",
            "1.2.3.4/255.0.255.0,false,false",
            "1.2.3.4/08,false,false",
            "0.0.0.0,true,false",
            "::ffff:1.2.3.4,false,true",
            "::1,false,true",
            "fe80::1%eth0,false,true",
            "fe80::1/64,false,true",
            "1:2:3:4:5:6:7:8,false,true",
            "1::2::3,false,false",
            "::1/129,false,false",
            "::1/128,false,true",
            "[::1],false,true",
            "::1.2.3.4,false,true",
            "1:2:3:4:5:6:7:8:9,false,false",
            "abc,false,false",
            "'',false,false"
        })
        void shouldReadAddressesAsRubysIpAddrDoes(String value, boolean v4, boolean v6) {
            assertThat(passes(new Ipv4addressValidator(), value))
                    .as("ipv4 " + value)
                    .isEqualTo(v4);
            assertThat(passes(new Ipv6addressValidator(), value))
                    .as("ipv6 " + value)
                    .isEqualTo(v6);
        }

        boolean passes(Validator v, Object value) {
            try {
                v.validate(value, null);
                return true;
            } catch (DdlValidationException e) {
                assertThat(e.getMessage()).isIn("value should be an ipv4 address", "value should be an ipv6 address");
                return false;
            }
        }

        @Test
        void shouldCheckArraysLengthsRegexesAndTypes() {
            assertThatThrownBy(() -> new ArrayValidator().validate("x", List.of("a", "b")))
                    .hasMessage("value should be one of a, b");
            assertThatCode(() -> new ArrayValidator().validate(1.0, List.of(1L, 2L)))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> new LengthValidator().validate("abcdef", 3))
                    .hasMessage("Input string is longer than 3 character(s)");
            assertThatThrownBy(() -> new RegexValidator().validate("abc", "^\\d+$"))
                    .hasMessage("value should match ^\\d+$");
            assertThatThrownBy(() -> new RegexValidator().validate("abc", RubyRegexp.literal("^\\d+$", "")))
                    .hasMessage("value should match (?-mix:^\\d+$)");
            assertThatThrownBy(() -> new RegexValidator().validate("abc", RubyRegexp.literal("^\\d+$", "i")))
                    .hasMessage("value should match (?i-mx:^\\d+$)");
            assertThatThrownBy(() -> new TypecheckValidator().validate("1", RubySymbol.of("integer")))
                    .hasMessage("value should be a integer");
            assertThatThrownBy(() -> new TypecheckValidator().validate(1L, "float"))
                    .hasMessage("value should be a float");
            assertThatThrownBy(() -> new TypecheckValidator().validate("x", "number"))
                    .hasMessage("value should be a number");
            assertThatThrownBy(() -> new TypecheckValidator().validate(1L, "boolean"))
                    .hasMessage("value should be a boolean");
            assertThatThrownBy(() -> new TypecheckValidator().validate(1L, "string"))
                    .hasMessage("value should be a string");
            assertThatThrownBy(() -> new TypecheckValidator().validate(1L, String.class))
                    .hasMessage("value should be a String");
        }
    }

    @Test
    void shouldRegisterEveryValidatorInItsServicesFile() throws IOException {
        String services;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/services/mcollective.spi.Validator")) {
            services = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> names = ServiceLoader.load(Validator.class).stream()
                .map(p -> p.get().name())
                .sorted()
                .toList();

        assertThat(services.lines().filter(l -> !l.isBlank())).hasSize(7);
        assertThat(names)
                .containsExactly("array", "ipv4address", "ipv6address", "length", "regex", "shellsafe", "typecheck");
    }
}
