package mcollective.plugins.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import mcollective.McollectiveException;

/**
 * Port of {@code lib/mcollective/discovery/flatfile.rb}: identities from a text file named by the first
 * {@code --do} option (or {@code --nodes FILE}), one per line, blank lines and {@code #} comments skipped.
 */
public final class FlatfileDiscoveryMethod extends IdentityListMethod {

    @Override
    public String name() {
        return "flatfile";
    }

    @Override
    protected String source(Request request) {
        return request.options().isEmpty() ? "" : request.options().get(0);
    }

    @Override
    protected List<String> hosts(Request request) {
        if (request.options().isEmpty()) {
            throw new McollectiveException("The flatfile discovery method needs a path to a text file");
        }
        Path file = Path.of(request.options().get(0));
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new McollectiveException("Cannot read the file " + file + " specified as discovery source");
        }
        List<String> hosts;
        try {
            hosts = Files.readAllLines(file).stream()
                    .map(String::strip)
                    .filter(h -> !h.isEmpty() && !h.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new McollectiveException(
                    "Cannot read the file " + file + " specified as discovery source: " + e.getMessage(), e);
        }
        return hosts;
    }
}
