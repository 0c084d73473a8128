package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import mcollective.testkit.McoResult;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.FleetNode;
import mcollective.testkit.fleet.WithFleet;

/**
 * {@code rpcauthorization = 1} on a Java node over a real broker: both {@code mco}s are refused with MCollective's
 * statuscode 1 and message until a policy file allows them, and the policy applies as soon as it is written.
 */
@WithFleet(
        nodes = @FleetNode(value = "guarded.example.net", facts = "customer=acme", settings = "rpcauthorization = 1"))
class AuthorizationIT {
    static final String DENIED = "You are not authorized to call this agent or action.";

    Fleet fleet;
    Path policies;

    @BeforeEach
    void noPolicies() throws IOException {
        policies = fleet.node("guarded.example.net").dir().resolve("policies");
        Files.createDirectories(policies);
        Files.deleteIfExists(policies.resolve("rpcutil.policy"));
    }

    /** The psk callerid of this test's clients: {@code uid=<our uid>}. */
    static String caller() throws IOException {
        return "uid=" + Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    static JsonNode onlyReply(McoResult run) throws IOException {
        JsonNode replies = new ObjectMapper().readTree(run.out());
        assertThat(replies).as(run.toString()).hasSize(1);
        return replies.get(0);
    }

    McoResult java(String... args) {
        return fleet.mco(List.of("rpc", "--dt", "2", "--np", "-I", "guarded.example.net"), args);
    }

    McoResult ruby(String... args) {
        return fleet.rubyMco(concat(List.of("rpc", "--dt", "2", "--np", "-I", "guarded.example.net"), args));
    }

    static String[] concat(List<String> head, String... tail) {
        return Stream.concat(head.stream(), Arrays.stream(tail)).toArray(String[]::new);
    }

    @Test
    void shouldRefuseTheJavaMcoWithStatusOneAndMcollectivesMessage() throws IOException {
        JsonNode reply = onlyReply(java("rpcutil", "ping", "--json"));

        assertThat(reply.get("statuscode").asInt()).isEqualTo(1);
        assertThat(reply.get("statusmsg").asText()).isEqualTo(DENIED);
        assertThat(java("rpcutil", "ping").out()).contains(DENIED);
    }

    @Test
    void shouldRefuseTheRubyMcoWithStatusOneAndMcollectivesMessage() throws IOException {
        JsonNode reply = onlyReply(ruby("rpcutil", "ping", "--json"));

        assertThat(reply.get("statuscode").asInt()).isEqualTo(1);
        assertThat(reply.get("statusmsg").asText()).isEqualTo(DENIED);
        assertThat(ruby("rpcutil", "ping").out()).contains(DENIED);
    }

    @Test
    void shouldAllowWhatAPolicyWrittenMeanwhileAllows() throws IOException {
        Files.writeString(
                policies.resolve("rpcutil.policy"),
                "policy default deny\nallow\t" + caller() + "\tping\tcustomer=acme\t*\n");

        assertThat(onlyReply(java("rpcutil", "ping", "--json"))
                        .get("statuscode")
                        .asInt())
                .isZero();
        assertThat(onlyReply(ruby("rpcutil", "ping", "--json"))
                        .get("statuscode")
                        .asInt())
                .isZero();
        JsonNode inventory = onlyReply(java("rpcutil", "inventory", "--json"));
        assertThat(inventory.get("statuscode").asInt()).isEqualTo(1);
        assertThat(inventory.get("statusmsg").asText()).isEqualTo(DENIED);
    }
}
