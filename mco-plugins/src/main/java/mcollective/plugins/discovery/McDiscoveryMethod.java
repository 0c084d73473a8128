package mcollective.plugins.discovery;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import mcollective.McollectiveException;
import mcollective.ruby.RubyNumbers;
import mcollective.spi.DiscoveryMethod;
import mcollective.spi.PluginContext;

/**
 * Port of {@code lib/mcollective/discovery/mc.rb}: a broadcast {@code "ping"} to the discovery agent, collecting
 * replies for the discovery timeout.
 *
 * <p>Beyond MCollective it is <em>windowed</em> by default: the full timeout is kept for the first reply, then
 * discovery stops once no reply has come for {@code plugin.mc.window} seconds (default 0.3), so a quiet fleet is
 * discovered in a fraction of the fixed wait. {@code plugin.mc.window = 0} or {@code --do window=0} restores
 * MCollective's fixed wait.
 */
public final class McDiscoveryMethod implements DiscoveryMethod {
    static final double DEFAULT_WINDOW = 0.3;
    private double window = DEFAULT_WINDOW;

    @Override
    public String name() {
        return "mc";
    }

    @Override
    public void init(PluginContext context) {
        window = context.pluginConfig().getDouble("window").orElse(DEFAULT_WINDOW);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public boolean isBroadcast() {
        return true;
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public List<String> discover(Request request) {
        double seconds = window;
        for (String option : request.options()) {
            if (option.startsWith("window=")) {
                seconds = RubyNumbers.floating(option.substring("window=".length()))
                        .orElseThrow(() -> new McollectiveException(
                                "Invalid mc discovery option '" + option + "': window takes seconds, e.g. window=0.3"));
            }
        }
        Optional<Duration> quiet =
                seconds > 0 ? Optional.of(Duration.ofNanos((long) (seconds * 1e9))) : Optional.empty();
        return request.network().ping(request.filter(), request.timeout(), quiet, request.limit());
    }
}
