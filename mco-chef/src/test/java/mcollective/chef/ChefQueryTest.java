package mcollective.chef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import mcollective.protocol.Filter;

/** The search query of reference/CHEF.md §4, with the original plugin's bugs fixed. */
class ChefQueryTest {
    @Test
    void shouldMapRunListClassesInBothForms() {
        assertThat(ChefQuery.build(Filter.builder().addClass("role[base]").build(), List.of()))
                .isEqualTo("role:base");
        assertThat(ChefQuery.build(
                        Filter.builder().addClass("recipe[mcollective::server]").build(), List.of()))
                .isEqualTo("recipe:mcollective\\:\\:server");
        assertThat(ChefQuery.build(
                        Filter.builder()
                                .addClass("role.db")
                                .addClass("recipe.nginx::default")
                                .build(),
                        List.of()))
                .isEqualTo("role:db AND recipe:nginx\\:\\:default");
    }

    @Test
    void shouldParenthesiseEachRawQueryAndAndEverything() {
        Filter filter = Filter.builder()
                .addClass("role[chef-client-11]")
                .addIdentity("m*")
                .addIdentity("ci.nat0.cryptocracy.com")
                .build();

        assertThat(ChefQuery.build(filter, List.of("chef_environment:prod OR chef_environment:dev")))
                .isEqualTo("(chef_environment:prod OR chef_environment:dev) AND role:chef\\-client\\-11"
                        + " AND (name:m* OR name:ci.nat0.cryptocracy.com)");
    }

    @Test
    void shouldTurnFactsIntoAttributeTerms() {
        Filter filter = Filter.builder()
                .addFact("platform=centos")
                .addFact("chef_environment!=prod")
                .build();

        assertThat(ChefQuery.build(filter, List.of())).isEqualTo("platform:centos AND NOT chef_environment:prod");
        assertThatThrownBy(
                        () -> ChefQuery.build(Filter.builder().addFact("cpus>2").build(), List.of()))
                .hasMessageContaining("fact operator '>'");
    }

    @Test
    void shouldLeaveRegexIdentitiesToTheClient() {
        Filter filter = Filter.builder().addIdentity("/^test/").build();

        assertThat(ChefQuery.build(filter, List.of())).isEqualTo("*:*");
        assertThat(ChefQuery.identityRegexes(filter))
                .singleElement()
                .satisfies(
                        p -> assertThat(p.matcher("test-precise.nat0").find()).isTrue());
    }

    @Test
    void shouldRefuseClassesThatAreNotRunListEntries() {
        assertThatThrownBy(() ->
                        ChefQuery.build(Filter.builder().addClass("apache").build(), List.of()))
                .hasMessageStartingWith("Cannot use class 'apache' with chef discovery");
    }
}
