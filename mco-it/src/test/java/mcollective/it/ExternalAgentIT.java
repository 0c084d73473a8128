package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import mcollective.testkit.McoResult;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.NodeSpec;
import mcollective.testkit.fleet.WithFleet;

/** An agent made of shell scripts ({@code implemented_by}): success, failure with stderr, and timeout. */
@WithFleet
class ExternalAgentIT {
    static Fleet fleet;
    static Path cfg;

    @BeforeAll
    static void start() throws IOException {
        Path libdir = fleet.dir().resolve("lib");
        Path agentDir = Files.createDirectories(libdir.resolve("mcollective/agent/shell"));
        Files.writeString(libdir.resolve("mcollective/agent/shell.ddl"), """
                metadata :name => "shell", :description => "Shell script agent", :author => "test",
                         :license => "ASL2", :version => "1.0", :url => "http://example.net", :timeout => 2
                action "echo", :description => "Echo a message" do
                    display :always
                    input :message, :prompt => "Message", :description => "What to echo", :type => :string,
                          :validation => '.', :optional => false, :maxlength => 100
                    output :message, :description => "The message", :display_as => "Message"
                    output :request, :description => "The request file", :display_as => "Request"
                end
                action "fail", :description => "Always fails" do
                    output :message, :description => "The message", :display_as => "Message"
                end
                action "sleep", :description => "Sleeps past the timeout" do
                end
                """);
        ExternalAgents.script(agentDir.resolve("echo"), """
                #!/bin/sh
                msg=$(sed -e 's/.*"message":"\\([^"]*\\)".*/\\1/' "$MCOLLECTIVE_REQUEST_FILE")
                printf '{"message":"%s","request":"%s"}' "$msg" "$1" > "$2"
                """);
        ExternalAgents.script(agentDir.resolve("fail"), """
                #!/bin/sh
                echo '{"message":"partial"}' > "$MCOLLECTIVE_REPLY_FILE"
                echo "disk full" >&2
                exit 1
                """);
        ExternalAgents.script(agentDir.resolve("sleep"), "#!/bin/sh\nsleep 30\n");
        fleet.start(NodeSpec.java("ext.example.net").libdir(libdir));
        cfg = fleet.clientConfig("shell.cfg", "libdir = " + libdir);
    }

    @Test
    void shouldRunTheActionsExecutableWithTheRequestInAFile() {
        McoResult run = fleet.mco(cfg, "rpc", "shell", "echo", "message=hello;rm -rf /", "-I", "ext.example.net");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Message: hello;rm -rf /").containsPattern("Request: /.*mcollective_request");
    }

    @Test
    void shouldFailWithTheScriptsStderr() {
        McoResult run = fleet.mco(cfg, "rpc", "shell", "fail", "-I", "ext.example.net");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out())
                .contains("ext.example.net                          Request Aborted")
                .contains("Failed to run ")
                .contains("disk full");
    }

    @Test
    void shouldGiveUpAtTheAgentTimeout() {
        long start = System.nanoTime();
        McoResult run = fleet.mco(cfg, "rpc", "shell", "sleep", "-I", "ext.example.net", "-t", "6");

        // As on a Ruby node, an agent past its timeout sends no reply; the script is killed.
        assertThat(run.out()).contains("No response from:").contains("ext.example.net");
        assertThat(run.exitCode()).as("no discovery and no responses").isEqualTo(4);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(20);
        assertThat(fleet.node("ext.example.net").stat("timeouts")).isEqualTo(1);
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains("sleep 30")))
                .isEmpty();
    }
}
