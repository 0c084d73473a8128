package mcollective.plugins.validator;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import mcollective.ddl.Ddl;
import mcollective.ddl.DdlException;
import mcollective.ddl.DdlReader;
import mcollective.ddl.DdlValidator;
import mcollective.plugin.PluginRegistry;

/** The named validators with MCollective's messages, as a DDL's {@code :validation} uses them. */
class ValidatorsTest {
    static final Ddl SERVICE = DdlReader.read("agent", "service", """
            metadata :name => "service", :description => "d", :author => "a", :license => "l", :version => "1",
                     :url => "u", :timeout => 60
            action "restart", :description => "Restart a service" do
                input :service, :prompt => "Service", :description => "d", :type => :string,
                      :validation => :shellsafe, :optional => false, :maxlength => 90
                input :address, :prompt => "Address", :description => "d", :type => :string,
                      :validation => :ipv4address, :optional => true, :maxlength => 15
                input :count, :prompt => "Count", :description => "d", :type => :integer, :optional => true
                input :force, :prompt => "Force", :description => "d", :type => :boolean, :optional => true
                input :mode, :prompt => "Mode", :description => "d", :type => :list, :list => ["soft", "hard"],
                      :optional => true
            end
            """, "service.ddl");

    final DdlValidator validator = DdlValidator.using(PluginRegistry.discover());

    void check(Object... keyValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            args.put((String) keyValues[i], keyValues[i + 1]);
        }
        validator.validate(SERVICE, "restart", args);
    }

    @Test
    void shouldAcceptValidInputs() {
        assertThatCode(() -> check("service", "nginx", "address", "10.1.2.3", "count", 3L, "force", true,
                "mode", "soft")).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseWithMcollectivesMessages() {
        assertThatThrownBy(() -> check("service", "nginx; rm -rf /")).isInstanceOf(DdlException.class)
                .hasMessage("Cannot validate input service: value should not have ; in it");
        assertThatThrownBy(() -> check("service", "x", "address", "10.1.2.300"))
                .hasMessage("Cannot validate input address: value should be an ipv4 address");
        assertThatThrownBy(() -> check("service", "x", "count", "3"))
                .hasMessage("Cannot validate input count: value should be a integer");
        assertThatThrownBy(() -> check("service", "x", "force", "yes"))
                .hasMessage("Cannot validate input force: value should be a boolean");
        assertThatThrownBy(() -> check("service", "x", "mode", "medium"))
                .hasMessage("Cannot validate input mode: value should be one of soft, hard");
        assertThatThrownBy(() -> check("service", "x".repeat(91)))
                .hasMessage("Cannot validate input service: Input string is longer than 90 character(s)");
        assertThatThrownBy(() -> check("address", "10.0.0.1"))
                .hasMessage("Action restart needs a service argument");
        assertThatThrownBy(() -> validator.validate(SERVICE, "stop", new LinkedHashMap<>()))
                .hasMessage("Attempted to call action stop for service but it's not declared in the DDL");
    }

    @Test
    void shouldCheckIpv6Literally() {
        Ipv6addressValidator v6 = new Ipv6addressValidator();
        assertThatCode(() -> v6.validate("fe80::1", null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> v6.validate("example.com", null)).hasMessage("value should be an ipv6 address");
        assertThatThrownBy(() -> new ArrayValidator().validate("c", List.of("a", "b")))
                .hasMessage("value should be one of a, b");
    }
}
