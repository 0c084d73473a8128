package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.testkit.McoResult;
import mcollective.testkit.fleet.Fleet;

/** {@code mco rpc} behaviours beyond plain output: limits, batches, fire-and-forget, JSON lines, direct addressing. */
@ThreeJavaNodes
class RpcIT {
    Fleet fleet;

    private McoResult rpc(String... args) {
        return fleet.mco(List.of("rpc", "--dt", "1", "--np"), args);
    }

    @Nested
    class Limits {
        @Test
        void shouldCallOneNodeWithOne() {
            McoResult run = rpc("rpcutil", "ping", "--one");
            assertThat(run.out()).contains("Finished processing 1 / 1 hosts");
        }

        @Test
        void shouldCallAPercentageOfTheNodes() {
            assertThat(rpc("rpcutil", "ping", "--limit", "50%").out()).contains("Finished processing 1 / 1 hosts");
            assertThat(rpc("rpcutil", "ping", "--limit", "2").out()).contains("Finished processing 2 / 2 hosts");
        }

        @Test
        void shouldRefuseAMalformedLimit() {
            McoResult run = rpc("rpcutil", "ping", "--limit", "many");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("Invalid limit specified: many");
        }
    }

    @Nested
    class Batches {
        @Test
        void shouldCallEveryNodeInBatches() {
            McoResult run = rpc("rpcutil", "ping", "--batch", "1", "--batch-sleep", "0.1");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("Finished processing 3 / 3 hosts");
        }
    }

    @Nested
    class FireAndForget {
        @Test
        void shouldOnlyPrintTheRequestId() {
            McoResult run = rpc("rpcutil", "ping", "--nr");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).matches("Request sent with id: [0-9a-f]{32}\n");
        }

        @Test
        void shouldNameTheCustomReplyTarget() {
            McoResult run = rpc("rpcutil", "ping", "--reply-to", "/queue/mcollective.elsewhere");
            assertThat(run.out())
                    .matches("Request sent with id: [0-9a-f]{32} replies to /queue/mcollective.elsewhere\n");
        }
    }

    @Nested
    class Output {
        @Test
        void shouldStreamOneJsonObjectPerReply() throws Exception {
            McoResult run = rpc("rpcutil", "get_fact", "fact=platform", "--jsonl");
            List<String> lines = run.lines();
            assertThat(lines).hasSize(3);
            for (String line : lines) {
                var json = new ObjectMapper().readTree(line);
                assertThat(json.get("agent").asText()).isEqualTo("rpcutil");
                assertThat(json.get("data").get("fact").asText()).isEqualTo("platform");
            }
        }

        @Test
        void shouldFailOnABadArgumentBeforeSendingAnything() {
            McoResult run = rpc("rpcutil", "get_fact", "fact=bad fact!");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("Cannot validate input fact: value should match ^[\\w\\-\\.]+$");
        }

        @Test
        void shouldShowFailuresWithDisplayFailed() {
            McoResult run = rpc("rpcutil", "ping", "--display", "failed");
            assertThat(run.out()).doesNotContain("Timestamp").contains("Finished processing 3 / 3 hosts");
        }
    }
}
