package mcollective.chef;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.logging.LogSafe;
import mcollective.spi.DiscoveryMethod;
import mcollective.spi.PluginContext;

/**
 * Discovery from the Chef server's search API ({@code --dm chef}), a port of zts/mcollective-chef-discovery with
 * its bugs fixed (reference/CHEF.md §4): every page is read (the original stopped at 1,000 nodes), each {@code --do} query is
 * parenthesised, {@code -F} facts become attribute terms, requests are signed with protocol 1.3 by default
 * ({@code plugin.chef.sign_protocol}), and node names (or the attribute {@code plugin.chef.identity_attribute},
 * e.g. {@code fqdn}) come back as identities.
 */
public final class ChefDiscoveryMethod implements DiscoveryMethod {
    static final int PAGE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ChefDiscoveryMethod.class);

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
        return EnumSet.of(Capability.CLASSES, Capability.IDENTITY, Capability.FACTS);
    }

    @Override
    public boolean isBroadcast() {
        return false;
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ZERO;
    }

    @Override
    public List<String> discover(Request request) {
        ChefApi chef = ChefApi.connect(
                KnifeConfig.resolve(
                        context.pluginConfig(),
                        Optional.ofNullable(System.getProperty("user.home")).map(Path::of)),
                context.pluginConfig());
        String query = ChefQuery.build(request.filter(), request.options());
        List<Pattern> regexes = ChefQuery.identityRegexes(request.filter());
        List<String> attribute = context.pluginConfig()
                .get("identity_attribute")
                .map(a -> List.of(a.split("\\.")))
                .orElse(List.of());
        boolean partial = context.pluginConfig().getBool("partial_search", true);
        List<String> names = new ArrayList<>();
        List<String> without = new ArrayList<>();
        int start = 0;
        int total = 1;
        do {
            Map<?, ?> page;
            if (partial) {
                try {
                    page = partialSearch(chef, query, start, attribute);
                } catch (ChefApi.ChefServerException e) {
                    if (e.status() != 404 && e.status() != 405) {
                        throw e;
                    }
                    LOG.info("The Chef server has no partial search (HTTP {}); searching for whole nodes", e.status());
                    partial = false;
                    continue;
                }
            } else {
                page = search(chef, query, start);
            }
            total = page.get("total") instanceof Number n ? n.intValue() : 0;
            List<?> rows = page.get("rows") instanceof List<?> l ? l : List.of();
            for (Object row : rows) {
                Optional<String> identity = partial ? partialIdentity(row, attribute) : identity(row, attribute);
                if (identity.isEmpty()) {
                    without.add(nodeName(row, partial));
                } else if (regexes.stream()
                        .allMatch(r -> r.matcher(identity.get()).find())) {
                    names.add(identity.get());
                }
            }
            if (rows.isEmpty()) {
                break;
            }
            start += rows.size();
        } while (start < total);
        if (!without.isEmpty()) {
            // node names come from the Chef server
            LOG.warn(
                    "{} Chef node(s) have no {} attribute and were left out: {}",
                    without.size(),
                    String.join(".", attribute),
                    LogSafe.of(String.join(", ", without.subList(0, Math.min(10, without.size())))
                            + (without.size() > 10 ? ", ..." : "")));
        }
        return request.limit() > 0 && names.size() > request.limit()
                ? List.copyOf(names.subList(0, request.limit()))
                : List.copyOf(names);
    }

    /** A whole node's identity: its name, or the attribute at {@code path} with Chef's precedence. */
    private static Optional<String> identity(Object row, List<String> path) {
        if (!(row instanceof Map<?, ?> node)) {
            return Optional.empty();
        }
        if (path.isEmpty()) {
            return Optional.ofNullable(node.get("name")).map(String::valueOf);
        }
        for (String level : List.of("automatic", "override", "normal", "default")) {
            Optional<String> value = leaf(walk(node.get(level), path));
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** A partial search row's identity: {@code data.identity} when an attribute was asked for, else {@code data.name}. */
    private static Optional<String> partialIdentity(Object row, List<String> path) {
        return leaf(walk(row, List.of("data", path.isEmpty() ? "name" : "identity")));
    }

    /** A scalar as an identity; nothing for null, a hash or an array. */
    private static Optional<String> leaf(Object value) {
        return value == null || value instanceof Map || value instanceof List
                ? Optional.empty()
                : Optional.of(String.valueOf(value));
    }

    private static String nodeName(Object row, boolean partial) {
        return String.valueOf(partial ? walk(row, List.of("data", "name")) : walk(row, List.of("name")));
    }

    private static Object walk(Object value, List<String> path) {
        Object at = value;
        for (String key : path) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(key);
        }
        return at;
    }

    /** Partial search: only the node name, and the identity attribute when one is configured, travel back. */
    private static Map<?, ?> partialSearch(ChefApi chef, String query, int start, List<String> attribute) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("name", List.of("name"));
        if (!attribute.isEmpty()) {
            keys.put("identity", attribute);
        }
        return rejectedQuery(query, () -> chef.post(searchPath(query, start), keys));
    }

    private static String searchPath(String query, int start) {
        return "/search/node?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&sort=X_CHEF_id_CHEF_X+asc&start=" + start + "&rows=" + PAGE;
    }

    private static Map<?, ?> search(ChefApi chef, String query, int start) {
        return rejectedQuery(query, () -> chef.get(searchPath(query, start)));
    }

    /** A 400 from search is the query's fault: say which query, with the server's message. */
    private static Map<?, ?> rejectedQuery(String query, Supplier<Map<?, ?>> search) {
        try {
            return search.get();
        } catch (ChefApi.ChefServerException e) {
            if (e.status() == 400) {
                throw new McollectiveException("The Chef server rejected the query '" + query + "': "
                        + (e.serverMessage().isBlank() ? "it gave no reason" : e.serverMessage()));
            }
            throw e;
        }
    }
}
