package mcollective.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** External ({@code implemented_by}) agents written into a libdir: a DDL and a folder with one script per action. */
final class ExternalAgents {
    private ExternalAgents() {}

    /** Agent {@code name} with action {@code say}, which answers {@code message} with the request's {@code msg}. */
    static void echo(Path libdir, String name) throws IOException {
        Path folder = Files.createDirectories(libdir.resolve("mcollective/agent/" + name));
        Files.writeString(libdir.resolve("mcollective/agent/" + name + ".ddl"), """
                metadata :name => "%s", :description => "Echo", :author => "test", :license => "ASL2",
                         :version => "1.0", :url => "http://example.net", :timeout => 10
                action "say", :description => "Echo a message" do
                    display :always
                    input :msg, :prompt => "Message", :description => "What to echo", :type => :string,
                          :validation => '.', :optional => false, :maxlength => 100
                    output :message, :description => "The message", :display_as => "Message"
                end
                """.formatted(name));
        script(folder.resolve("say"), """
                #!/bin/sh
                msg=$(sed -e 's/.*"msg":"\\([^"]*\\)".*/\\1/' "$MCOLLECTIVE_REQUEST_FILE")
                printf '{"message":"%s"}' "$msg" > "$MCOLLECTIVE_REPLY_FILE"
                """);
    }

    /**
     * Agent {@code slow} with action {@code run}: creates {@code started}, sleeps {@code seconds}, then answers
     * {@code result: finished}.
     */
    static void slow(Path libdir, Path started, int seconds) throws IOException {
        Path folder = Files.createDirectories(libdir.resolve("mcollective/agent/slow"));
        Files.writeString(libdir.resolve("mcollective/agent/slow.ddl"), """
                metadata :name => "slow", :description => "Slow", :author => "test", :license => "ASL2",
                         :version => "1.0", :url => "http://example.net", :timeout => 30
                action "run", :description => "Takes a while" do
                    display :always
                    output :result, :description => "How it ended", :display_as => "Result"
                end
                """);
        script(folder.resolve("run"), """
                #!/bin/sh
                touch '%s'
                sleep %d
                printf '{"result":"finished"}' > "$MCOLLECTIVE_REPLY_FILE"
                """.formatted(started, seconds));
    }

    /** Writes {@code text} to {@code file} and makes it executable. */
    static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
