package mcollective.it;

import java.nio.file.Path;

import mcollective.testkit.McoResult;
import mcollective.testkit.fleet.Fleet;

/**
 * One command line run by the Ruby {@code mco} and then by the Java one against the same fleet, for the
 * comparisons of the compatibility tests.
 *
 * @param ruby what the Ruby {@code mco} printed
 * @param java what the Java {@code mco} printed
 */
record BothMco(McoResult ruby, McoResult java) {
    /** Runs {@code args} with the fleet's Ruby client config, then with its Java one. */
    static BothMco run(Fleet fleet, String... args) {
        return run(fleet, fleet.rubyClientConfig(), args);
    }

    /** Runs {@code args} with {@code rubyClient} as the Ruby client's config, then with the fleet's Java one. */
    static BothMco run(Fleet fleet, Path rubyClient, String... args) {
        McoResult ruby = fleet.rubyMco(rubyClient, args);
        return new BothMco(ruby, fleet.mco(args));
    }
}
