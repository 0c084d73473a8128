package mcollective.plugins.discovery.chef;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import mcollective.McollectiveException;
import mcollective.spi.DiscoveryMethod;
import mcollective.spi.PluginContext;

/**
 * Discovery from the Chef server's search API ({@code --dm chef}), a port of zts/mcollective-chef-discovery with
 * its bugs fixed (CHEF.md §4): every page is read (the original stopped at 1,000 nodes), each {@code --do} query is
 * parenthesised, {@code -F} facts become attribute terms, requests are signed with protocol 1.3 by default
 * ({@code plugin.chef.sign_protocol}), and node names (or the attribute {@code plugin.chef.identity_attribute},
 * e.g. {@code fqdn}) come back as identities.
 */
public final class ChefDiscoveryMethod implements DiscoveryMethod {
    static final int PAGE = 1000;

    private PluginContext context;

    @Override
    public String name() {
        return "chef";
    }

    @Override
    public void init(PluginContext pluginContext) {
        this.context = pluginContext;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.CLASSES, Capability.IDENTITY, Capability.FACTS, Capability.AGENTS);
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ZERO;
    }

    @Override
    public List<String> discover(Request request) {
        ChefApi chef = ChefApi.connect(KnifeConfig.resolve(context.pluginConfig(),
                Optional.ofNullable(System.getProperty("user.home")).map(Path::of)), context.pluginConfig());
        String query = ChefQuery.build(request.filter(), request.options());
        List<Pattern> regexes = ChefQuery.identityRegexes(request.filter());
        Optional<String> attribute = context.pluginConfig().get("identity_attribute");
        List<String> names = new ArrayList<>();
        int start = 0;
        int total;
        do {
            Map<?, ?> page = search(chef, query, start);
            total = page.get("total") instanceof Number n ? n.intValue() : 0;
            List<?> rows = page.get("rows") instanceof List<?> l ? l : List.of();
            for (Object row : rows) {
                identity(row, attribute).filter(n -> regexes.stream().allMatch(r -> r.matcher(n).find()))
                        .ifPresent(names::add);
            }
            if (rows.isEmpty()) {
                break;
            }
            start += rows.size();
        } while (start < total);
        return request.limit() > 0 && names.size() > request.limit()
                ? List.copyOf(names.subList(0, request.limit())) : List.copyOf(names);
    }

    private static Optional<String> identity(Object row, Optional<String> attribute) {
        if (!(row instanceof Map<?, ?> node)) {
            return Optional.empty();
        }
        if (attribute.isEmpty()) {
            return Optional.ofNullable(node.get("name")).map(String::valueOf);
        }
        for (String level : List.of("automatic", "override", "normal", "default")) {
            if (node.get(level) instanceof Map<?, ?> attrs && attrs.get(attribute.get()) != null) {
                return Optional.of(String.valueOf(attrs.get(attribute.get())));
            }
        }
        return Optional.empty();
    }

    private static Map<?, ?> search(ChefApi chef, String query, int start) {
        try {
            return chef.get("/search/node?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                    + "&sort=X_CHEF_id_CHEF_X+asc&start=" + start + "&rows=" + PAGE);
        } catch (ChefApi.ChefServerException e) {
            if (e.status() == 400) {
                throw new McollectiveException("The Chef server rejected the query '" + query + "': "
                        + e.serverMessage());
            }
            throw e;
        }
    }
}
