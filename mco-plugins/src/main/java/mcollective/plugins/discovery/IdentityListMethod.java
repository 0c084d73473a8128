package mcollective.plugins.discovery;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import mcollective.spi.DiscoveryMethod;

/**
 * What the offline methods ({@code flatfile}, {@code stdin}) share: they read a list of identities instead of
 * asking the network, so they are not broadcast methods, honour only {@code -I} and take no time; the subclass
 * supplies the list.
 */
abstract class IdentityListMethod implements DiscoveryMethod {

    @Override
    public final Set<Capability> capabilities() {
        return Set.of(Capability.IDENTITY);
    }

    @Override
    public final boolean isBroadcast() {
        return false;
    }

    @Override
    public final Duration defaultTimeout() {
        return Duration.ZERO;
    }

    @Override
    public final List<String> discover(Request request) {
        List<String> hosts = HostList.validated(hosts(request), source(request));
        return HostList.limited(HostList.select(hosts, request.filter()), request.limit());
    }

    /** The identities as listed, before validation and selection. */
    protected abstract List<String> hosts(Request request);

    /** Where they came from, for error messages. */
    protected abstract String source(Request request);
}
