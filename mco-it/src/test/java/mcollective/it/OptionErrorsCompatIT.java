package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import mcollective.testkit.FleetConfig;
import mcollective.testkit.RubyMco;

/**
 * A command line with an unknown option or a bad value gets the same line on stderr, and the same exit code, from
 * the Java and the Ruby {@code mco}. Both fail while parsing, so no broker is needed. (The Ruby run gets
 * {@code -c FILE} last, so an option missing its value cannot be compared here: Ruby would take {@code -c} as
 * the value.)
 */
class OptionErrorsCompatIT {
    @TempDir
    static Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ping --foo",
                "ping -x",
                "ping -gx",
                "ping --timeout foo",
                "ping -t foo",
                "ping --timeout=foo",
                "ping -tfoo",
                "ping --graph=yes",
                "ping -v --foo",
                "find --dt x",
                "find --connection-timeout x",
                "rpc --batch-sleep x rpcutil ping",
                "rpc --limit-seed x rpcutil ping",
                "rpc rpcutil ping --bogus",
                "describe_filter -T eu",
                "describe_filter -F a=b --dt 1",
            })
    void shouldRejectItAsRubyDoes(String command) {
        Path cfg = new FleetConfig(1, "user", "password", "psk", List.of("mcollective"))
                .writeClient(dir.resolve("client.cfg"), List.of());
        String[] args = command.split(" ");
        String[] javaArgs = Arrays.copyOf(args, args.length + 2);
        javaArgs[args.length] = "-c";
        javaArgs[args.length + 1] = cfg.toString();

        RubyMco.Result ruby = RubyMco.run(cfg, Duration.ofSeconds(60), args);
        McoRun java = McoRun.run(javaArgs);

        assertThat(java.exitCode()).as("exit code of " + command).isEqualTo(ruby.exitCode());
        assertThat(java.out()).as("stdout of " + command).isEqualTo(ruby.out());
        assertThat(java.err()).as("stderr of " + command).isEqualTo(ruby.err());
    }
}
