package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import mcollective.plugin.PluginRegistry;
import mcollective.server.Node;

/** An agent made of shell scripts ({@code implemented_by}): success, failure with stderr, and timeout. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalAgentIT {
    @TempDir
    static Path dir;

    JavaFleet fleet;
    Node node;
    String cfg;

    @BeforeAll
    void start() throws IOException {
        Path libdir = dir.resolve("lib");
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
        script(agentDir.resolve("echo"), """
                #!/bin/sh
                msg=$(sed -e 's/.*"message":"\\([^"]*\\)".*/\\1/' "$MCOLLECTIVE_REQUEST_FILE")
                printf '{"message":"%s","request":"%s"}' "$msg" "$1" > "$2"
                """);
        script(agentDir.resolve("fail"), """
                #!/bin/sh
                echo '{"message":"partial"}' > "$MCOLLECTIVE_REPLY_FILE"
                echo "disk full" >&2
                exit 1
                """);
        script(agentDir.resolve("sleep"), "#!/bin/sh\nsleep 30\n");
        fleet = new JavaFleet(dir);
        node = new Node(
                fleet.baseConfig(List.of("mcollective"))
                        .set("identity", "ext.example.net")
                        .set("libdir", libdir.toString())
                        .set("plugin.yaml", dir.resolve("none.yaml").toString())
                        .build(),
                PluginRegistry.discover());
        node.start();
        cfg = fleet.clientConfig("client.cfg", "libdir = " + libdir).toString();
    }

    @AfterAll
    void stop() {
        node.stop();
        fleet.close();
    }

    static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void shouldRunTheActionsExecutableWithTheRequestInAFile() {
        McoRun run = McoRun.run("rpc", "shell", "echo", "message=hello;rm -rf /", "-I", "ext.example.net", "-c", cfg);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Message: hello;rm -rf /").containsPattern("Request: /.*mcollective_request");
    }

    @Test
    void shouldFailWithTheScriptsStderr() {
        McoRun run = McoRun.run("rpc", "shell", "fail", "-I", "ext.example.net", "-c", cfg);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out())
                .contains("ext.example.net                          Request Aborted")
                .contains("Failed to run ")
                .contains("disk full");
    }

    @Test
    void shouldGiveUpAtTheAgentTimeout() {
        long start = System.nanoTime();
        McoRun run = McoRun.run("rpc", "shell", "sleep", "-I", "ext.example.net", "-c", cfg, "-t", "6");

        // As on a Ruby node, an agent past its timeout sends no reply; the script is killed.
        assertThat(run.out()).contains("No response from:").contains("ext.example.net");
        assertThat(run.exitCode()).as("no discovery and no responses").isEqualTo(4);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(20);
        assertThat(node.stats().get("timeouts")).isEqualTo(1);
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains("sleep 30")))
                .isEmpty();
    }
}
