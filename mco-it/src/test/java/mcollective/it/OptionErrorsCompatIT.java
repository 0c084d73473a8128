package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import mcollective.testkit.McoResult;
import mcollective.testkit.fleet.Broker;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.WithFleet;

/**
 * A command line with an unknown option or a bad value gets the same line on stderr, and the same exit code, from
 * the Java and the Ruby {@code mco}. Both fail while parsing, so no broker is needed. (Both runs get
 * {@code -c FILE} last, so an option missing its value cannot be compared here: Ruby would take {@code -c} as
 * the value.)
 */
@WithFleet(broker = Broker.NONE)
class OptionErrorsCompatIT {
    Fleet fleet;

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
        String[] args = command.split(" ");

        McoResult ruby = fleet.rubyMco(args);
        McoResult java = fleet.mco(args);

        assertThat(java.exitCode()).as("exit code of " + command).isEqualTo(ruby.exitCode());
        assertThat(java.out()).as("stdout of " + command).isEqualTo(ruby.out());
        assertThat(java.err()).as("stderr of " + command).isEqualTo(ruby.err());
    }
}
