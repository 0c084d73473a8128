package mcollective.plugins.discovery.chef;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import mcollective.McollectiveException;
import mcollective.plugins.pem.PemFiles;
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
    private static final ObjectMapper JSON = new ObjectMapper();

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
        KnifeConfig knife = KnifeConfig.resolve(context.pluginConfig(),
                Optional.ofNullable(System.getProperty("user.home")).map(Path::of));
        PrivateKey key;
        try {
            key = PemFiles.privateKey(knife.clientKey());
        } catch (McollectiveException e) {
            throw new McollectiveException("Cannot use the Chef client key " + knife.clientKey() + ": "
                    + e.getMessage(), e);
        }
        ChefSigner signer = new ChefSigner(knife.nodeName(), key, ChefSigner.Protocol.of(
                context.pluginConfig().get("sign_protocol").orElse("1.3")), Clock.systemUTC());
        String query = ChefQuery.build(request.filter(), request.options());
        List<Pattern> regexes = ChefQuery.identityRegexes(request.filter());
        Optional<String> attribute = context.pluginConfig().get("identity_attribute");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> names = new ArrayList<>();
        int start = 0;
        int total;
        do {
            Map<?, ?> page = search(http, signer, knife, query, start);
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

    private Map<?, ?> search(HttpClient http, ChefSigner signer, KnifeConfig knife, String query, int start) {
        URI uri = URI.create(knife.serverUrl() + "/search/node?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&sort=X_CHEF_id_CHEF_X+asc&start=" + start + "&rows=" + PAGE);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET()
                .header("Accept", "application/json")
                .header("X-Chef-Version", "12.0.0")
                .header("X-Ops-Server-API-Version", "1");
        signer.headers("GET", uri.getRawPath(), new byte[0], "1").forEach(builder::header);
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new McollectiveException("Cannot reach the Chef server " + knife.serverUrl() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McollectiveException("Interrupted while searching the Chef server");
        }
        int status = response.statusCode();
        String message = serverMessage(response.body());
        if (status == 401 || status == 403) {
            throw new McollectiveException(String.format("The Chef server refused client '%s' with key %s (HTTP %d): %s",
                    knife.nodeName(), knife.clientKey(), status, message));
        }
        if (status == 400) {
            throw new McollectiveException("The Chef server rejected the query '" + query + "': " + message);
        }
        if (status != 200) {
            throw new McollectiveException("The Chef server answered HTTP " + status + " to " + uri + ": " + message);
        }
        try {
            return JSON.readValue(response.body(), Map.class);
        } catch (IOException e) {
            throw new McollectiveException("The Chef server sent a search result that is not JSON: " + e.getMessage());
        }
    }

    private static String serverMessage(String body) {
        try {
            Object json = JSON.readValue(body, Object.class);
            if (json instanceof Map<?, ?> map && map.get("error") != null) {
                Object error = map.get("error");
                return error instanceof List<?> list ? String.join("; ", list.stream().map(String::valueOf).toList())
                        : String.valueOf(error);
            }
        } catch (IOException e) {
            // not JSON: show it as it is
        }
        return body.length() > 200 ? body.substring(0, 200) : body;
    }
}
