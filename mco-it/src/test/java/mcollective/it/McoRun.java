package mcollective.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import mcollective.cli.Mco;
import mcollective.plugin.PluginRegistry;

/** Runs the Java {@code mco} in this JVM and captures what it printed. */
record McoRun(int exitCode, String out, String err) {

    static McoRun run(String... args) {
        return withStdin(null, args);
    }

    /** Runs with {@code stdin} piped in (null: nothing piped). */
    static McoRun withStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
                PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8)) {
            code = new Mco(
                            PluginRegistry.discover(),
                            new mcollective.cli.Stdin(
                                    new ByteArrayInputStream(
                                            stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8)),
                                    false),
                            Map.of())
                    .commandLine()
                    .setOut(o)
                    .setErr(e)
                    .execute(args);
        }
        return new McoRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> lines() {
        return out.lines().toList();
    }
}
