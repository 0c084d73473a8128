package mcollective.plugins.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import mcollective.McollectiveException;
import mcollective.spi.DiscoveryMethod;

/**
 * Port of {@code lib/mcollective/discovery/flatfile.rb}: identities from a text file named by the first
 * {@code --do} option (or {@code --nodes FILE}), one per line, blank lines and {@code #} comments skipped.
 */
public final class FlatfileDiscoveryMethod implements DiscoveryMethod {

    @Override
    public String name() {
        return "flatfile";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.IDENTITY);
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ZERO;
    }

    @Override
    public List<String> discover(Request request) {
        if (request.options().isEmpty()) {
            throw new McollectiveException("The flatfile discovery method needs a path to a text file");
        }
        Path file = Path.of(request.options().get(0));
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new McollectiveException("Cannot read the file " + file + " specified as discovery source");
        }
        List<String> hosts;
        try {
            hosts = Files.readAllLines(file).stream().map(String::strip)
                    .filter(h -> !h.isEmpty() && !h.startsWith("#")).toList();
        } catch (IOException e) {
            throw new McollectiveException("Cannot read the file " + file + " specified as discovery source: "
                    + e.getMessage(), e);
        }
        HostList.validated(hosts, file.toString());
        return HostList.limited(HostList.select(hosts, request.filter()), request.limit());
    }
}
