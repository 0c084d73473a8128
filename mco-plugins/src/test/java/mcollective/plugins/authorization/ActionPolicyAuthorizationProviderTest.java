package mcollective.plugins.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.config.Config;
import mcollective.config.ConfigBuilder;
import mcollective.config.ConfigException;
import mcollective.plugin.PluginRegistry;
import mcollective.spi.AuthorizationDecision;
import mcollective.spi.AuthorizationProvider;
import mcollective.spi.AuthorizationRequest;
import mcollective.spi.PluginContext;
import mcollective.testkit.LogCapture;

/**
 * The action_policy plugin against policy files in each shape users write (tab runs, four and five fields, several
 * callers, groups, compound filters with data functions, no trailing newline), all written by these tests.
 */
class ActionPolicyAuthorizationProviderTest {
    @TempDir
    Path configdir;

    PolicyNode node;
    Map<String, String> settings = new LinkedHashMap<>();

    @BeforeEach
    void node() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("customer", "acme");
        facts.put("environment", "production");
        facts.put("cpus", "4");
        node = PolicyNode.of(facts, List.of("acme::devserver", "role::web"));
    }

    ActionPolicyAuthorizationProvider provider() {
        ConfigBuilder config = Config.builder().environment(Map.of()).configFile(configdir.resolve("server.cfg"));
        settings.forEach((k, v) -> config.set("plugin.actionpolicy." + k, v));
        PluginRegistry registry = PluginRegistry.builder()
                .autoDiscover(false)
                .add(AuthorizationProvider.class, ActionPolicyAuthorizationProvider::new)
                .build();
        PluginContext context =
                new PluginContext(config.build(), "node", registry, Clock.systemUTC(), Map.of(), Map.of());
        return (ActionPolicyAuthorizationProvider)
                registry.create(AuthorizationProvider.class, "action_policy", context);
    }

    Path write(String name, String text) {
        try {
            Path file = configdir.resolve("policies").resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AuthorizationDecision ask(ActionPolicyAuthorizationProvider provider, String caller, String action) {
        return provider.authorize(new AuthorizationRequest("puppet", action, caller, "client1", Map.of()), node);
    }

    AuthorizationDecision ask(String caller, String action) {
        return ask(provider(), caller, action);
    }

    @Nested
    class Rules {
        @Test
        void shouldAllowACallerAnAllowRuleNamesAndDenyOthersByTheDefault() {
            write("puppet.policy", "policy default deny\nallow\tuid=500\t*\t*\t*\n");

            assertThat(ask("uid=500", "runonce").allowed()).isTrue();
            assertThat(ask("uid=501", "runonce").denial()).hasValue("Denying based on default policy in puppet.policy");
        }

        @Test
        void shouldDenyOnAnExplicitDenyRuleNamingItsLine() {
            write("puppet.policy", "policy default allow\n# no disabling\ndeny\tuid=500\tdisable\t*\t*\n");

            assertThat(ask("uid=500", "disable").denial())
                    .hasValue("Denying based on explicit 'deny' policy rule in policyfile: puppet.policy:3");
            assertThat(ask("uid=500", "enable").allowed()).isTrue();
        }

        @Test
        void shouldLetTheFirstMatchingRuleWin() {
            write("puppet.policy", "deny\tuid=500\tdisable\t*\t*\nallow\t*\t*\t*\t*\n");

            assertThat(ask("uid=500", "disable").allowed()).isFalse();
            assertThat(ask("uid=500", "status").allowed()).isTrue();
        }

        @Test
        void shouldTakeSeveralCallersAndActionsAndRunsOfTabsWithoutATrailingNewline() {
            write(
                    "puppet.policy",
                    "policy default deny\r\nallow\t\tuid=500 uid=600\t\t\tenable disable status\t\t\t\t*"
                            + "\t\t*\r\nallow\tcert=admin\t*\t*");

            assertThat(ask("uid=600", "status").allowed()).isTrue();
            assertThat(ask("uid=500", "enable").allowed()).isTrue();
            assertThat(ask("uid=600", "runonce").allowed()).isFalse();
            assertThat(ask("cert=admin", "runonce").allowed()).isTrue();
        }

        @Test
        void shouldUseAllowUnconfiguredWhenThePolicyHasNoDefault() {
            write("puppet.policy", "allow\tuid=500\t*\t*\t*\n");

            assertThat(ask("uid=501", "status").allowed()).isFalse();
            settings.put("allow_unconfigured", "1");
            assertThat(ask("uid=501", "status").allowed()).isTrue();
        }
    }

    @Nested
    class Callers {
        @Test
        void shouldNeverMatchPartOfACallerid() {
            write("puppet.policy", "policy default deny\nallow\tuid=5000 cert=admin-team\t*\t*\t*\n");

            assertThat(ask("uid=500", "status").allowed()).isFalse();
            assertThat(ask("cert=admin", "status").allowed()).isFalse();
            assertThat(ask("uid=50", "status").allowed()).isFalse();
            assertThat(ask("uid=5000", "status").allowed()).isTrue();
        }

        @Test
        void shouldMatchTheMembersOfAGroup() {
            write("groups", "# teams\nsysadmins cert=sa1 cert=sa2\ndevs\tcert=dev1\n");
            write(
                    "puppet.policy",
                    "policy default deny\nallow\tsysadmins\t*\t*\t*\nallow\tdevs uid=700\tstatus\t*\t*\n");

            assertThat(ask("cert=sa2", "runonce").allowed()).isTrue();
            assertThat(ask("cert=dev1", "status").allowed()).isTrue();
            assertThat(ask("cert=dev1", "runonce").allowed()).isFalse();
            assertThat(ask("uid=700", "status").allowed()).isTrue();
            assertThat(ask("cert=sa", "runonce").allowed()).isFalse();
        }
    }

    @Nested
    class FactsAndClasses {
        @Test
        void shouldRequireEveryFactAndClassOfALists() {
            write(
                    "puppet.policy",
                    "policy default deny\n"
                            + "allow\tuid=600\t*\tcustomer=acme cpus>2\tacme::devserver /^role::/\n"
                            + "allow\tuid=601\t*\tcustomer=acme cpus>8\t*\n"
                            + "allow\tuid=602\t*\t*\tacme::prodserver\n");

            assertThat(ask("uid=600", "runonce").allowed()).isTrue();
            assertThat(ask("uid=601", "runonce").allowed()).isFalse();
            assertThat(ask("uid=602", "runonce").allowed()).isFalse();
        }

        @Test
        void shouldEvaluateCompoundFiltersWithDataFunctions() throws IOException {
            Path hosts = Files.writeString(configdir.resolve("hosts"), "127.0.0.1 localhost\n");
            write(
                    "puppet.policy",
                    "policy default deny\n"
                            + "allow\tuid=700\trestart\t(fstat('" + hosts + "').size>0 and environment=staging)"
                            + " or environment=development\n"
                            + "allow\tuid=700\tstatus\t(fstat('" + hosts + "').size>0 and environment=production)"
                            + " or environment=development\n"
                            + "allow\tuid=800\t*\tcustomer=acme\tnot role::db and (role::web or role::app)\n");

            assertThat(ask("uid=700", "restart").allowed()).isFalse();
            assertThat(ask("uid=700", "status").allowed()).isTrue();
            assertThat(ask("uid=800", "status").allowed()).isTrue();
        }

        @Test
        void shouldTakeFactsAndClassesInTheOnlyNodeFieldOfAFourFieldRule() {
            write(
                    "puppet.policy",
                    "policy default deny\nallow\tuid=500\tstatus\tcustomer=acme acme::devserver\n"
                            + "allow\tuid=501\tstatus\tcustomer=acme role::db\n");

            assertThat(ask("uid=500", "status").allowed()).isTrue();
            assertThat(ask("uid=501", "status").allowed()).isFalse();
        }

        @Test
        void shouldDenyWhenARuleCannotBeEvaluatedAndLogItOnce() {
            Path policy = write("puppet.policy", "policy default allow\ndeny\tuid=500\t*\tnosuch('x').value=1\t*\n");
            ActionPolicyAuthorizationProvider provider = provider();

            try (LogCapture log = LogCapture.of(ActionPolicyAuthorizationProvider.class)) {
                assertThat(ask(provider, "uid=500", "status").denial())
                        .hasValueSatisfying(reason -> assertThat(reason).startsWith(policy + ":2: cannot evaluate"));
                assertThat(ask(provider, "uid=500", "status").allowed()).isFalse();
                assertThat(log.messages(Level.ERROR)).hasSize(1);
            }
        }
    }

    @Nested
    class PolicyFiles {
        @Test
        void shouldDenyAnAgentWithoutAPolicyUnlessAllowUnconfigured() {
            assertThat(ask("uid=500", "status").denial())
                    .hasValue("Could not load any valid policy files. Denying based on allow_unconfigured: false");
            settings.put("allow_unconfigured", "y");
            assertThat(ask("uid=500", "status").allowed()).isTrue();
        }

        @Test
        void shouldCountTrueAsOffForAllowUnconfiguredAsRubyDoesAndSaySo() {
            settings.put("allow_unconfigured", "true");
            try (LogCapture log = LogCapture.of(ActionPolicyAuthorizationProvider.class)) {
                assertThat(ask("uid=500", "status").allowed()).isFalse();
                assertThat(log.messages(Level.WARN))
                        .containsExactly("plugin.actionpolicy.allow_unconfigured = true counts as off, as in Ruby's"
                                + " actionpolicy, which takes only 1 or y");
            }
        }

        @Test
        void shouldFallBackToTheDefaultPolicyWhenEnabled() {
            write("site.policy", "policy default deny\nallow\tcert=admin\t*\t*\t*\n");
            settings.put("allow_unconfigured", "1");
            settings.put("enable_default", "1");
            settings.put("default_name", "site");

            assertThat(ask("cert=admin", "status").allowed()).isTrue();
            assertThat(ask("cert=other", "status").denial()).hasValue("Denying based on default policy in site.policy");
        }

        @Test
        void shouldRefuseADefaultNameThatIsNoFileName() {
            settings.put("default_name", "../etc/passwd");

            assertThatThrownBy(ActionPolicyAuthorizationProviderTest.this::provider)
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("plugin.actionpolicy.default_name = '../etc/passwd' is not a file name ([\\w.-]+)");
        }

        @Test
        void shouldReadAPolicyAgainWhenItChanges() throws IOException {
            Path policy = write("puppet.policy", "policy default deny\n");
            ActionPolicyAuthorizationProvider provider = provider();
            assertThat(ask(provider, "uid=500", "status").allowed()).isFalse();

            Files.writeString(policy, "policy default deny\nallow\tuid=500\t*\t*\t*\n");
            Files.setLastModifiedTime(policy, FileTime.from(Instant.now().plusSeconds(5)));

            assertThat(ask(provider, "uid=500", "status").allowed()).isTrue();
        }

        @Test
        void shouldDenyEverythingAPolicyWithABadLineGovernsNamingFileAndLineOnce() {
            Path policy = write("puppet.policy", "policy default deny\nallow\tuid=500\t*\t*\t*\nallow uid=501 * * *\n");
            ActionPolicyAuthorizationProvider provider = provider();

            try (LogCapture log = LogCapture.of(ActionPolicyAuthorizationProvider.class)) {
                String expected = policy + ":3: the fields of a rule are separated by tabs, not spaces:"
                        + " 'allow uid=501 * * *'";
                assertThat(ask(provider, "uid=500", "status").denial()).hasValue(expected);
                assertThat(ask(provider, "uid=501", "status").allowed()).isFalse();
                assertThat(log.messages(Level.ERROR)).containsExactly(expected + "; denying every request it governs");
            }
        }

        @Test
        void shouldNameEachKindOfBadLine() {
            Path policy = write(
                    "puppet.policy",
                    "policy default alow\n"
                            + "allow\tuid=500\t*\n"
                            + "allow\tuid=500\t*\t*\t*\textra\n"
                            + "allow\tuid=500\t*\tapache\t*\n"
                            + "allow\tuid=500\t*\t*\tcustomer=acme\n"
                            + "allow\tuid=500\t*\t(customer=acme\n"
                            + "permit\tuid=500\t*\t*\t*\n");

            assertThat(PolicyFile.parse(policy, Files.exists(policy) ? read(policy) : "")
                            .errors())
                    .containsExactly(
                            policy + ":1: 'policy default alow' is neither allow nor deny",
                            policy + ":2: a rule has 3 or 4 tab-separated fields after 'allow' (callers, actions,"
                                    + " facts[, classes]) but this one has 2: 'allow\\tuid=500\\t*'",
                            policy + ":3: a rule has 3 or 4 tab-separated fields after 'allow' (callers, actions,"
                                    + " facts[, classes]) but this one has 5: 'allow\\tuid=500\\t*\\t*\\t*\\textra'",
                            policy + ":4: 'apache' is not a fact=value comparison, but it is in the facts field"
                                    + " (classes go in the field after it)",
                            policy + ":5: 'customer=acme' is a fact where the classes field expects a class name",
                            policy + ":6: Missing parenthesis found while parsing -S input (customer=acme",
                            policy + ":7: expected 'policy default allow|deny' or"
                                    + " 'allow|deny<TAB>callers<TAB>actions<TAB>facts[<TAB>classes]' but found"
                                    + " 'permit\\tuid=500\\t*\\t*\\t*'");
        }

        @Test
        void shouldDenyWhenTheGroupsFileHasABadLine() {
            Path groups = write("groups", "sysadmins cert=sa1\nbad/name cert=x\n");
            write("puppet.policy", "allow\t*\t*\t*\t*\n");

            assertThat(ask("cert=sa1", "status").denial())
                    .hasValue(groups + ":2: expected 'group_name caller_id caller_id ...' but found 'bad/name cert=x'");
        }

        @Test
        void shouldDenyWhenThePolicyCannotBeRead() throws IOException {
            Files.createDirectories(configdir.resolve("policies/puppet.policy"));

            assertThat(ask("uid=500", "status").denial())
                    .hasValue("Cannot read policy " + configdir.resolve("policies/puppet.policy")
                            + ": it is not a regular file");
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
