package mcollective.plugins.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;

import mcollective.McollectiveException;
import mcollective.protocol.codec.Json;

/**
 * Port of {@code lib/mcollective/discovery/stdin.rb}: identities piped on standard input, as text (one per line)
 * or JSON (an array of hashes with {@code sender} or {@code certname}, such as {@code mco rpc -j} or PuppetDB
 * output); {@code --do auto} (default) picks JSON when the input starts with {@code [}.
 */
public final class StdinDiscoveryMethod extends IdentityListMethod {
    /** Standard input larger than this is refused rather than read. */
    static final int MAX_INPUT = 64 * 1024 * 1024;

    @Override
    public String name() {
        return "stdin";
    }

    @Override
    protected String source(Request request) {
        return "standard input";
    }

    @Override
    protected List<String> hosts(Request request) {
        String type =
                request.options().isEmpty() ? "auto" : request.options().get(0).toLowerCase(Locale.ROOT);
        String input = read(request.stdin().orElseThrow(() -> new McollectiveException("No standard input to read")));
        if (input.isBlank()) {
            throw new McollectiveException(
                    "data piped on STDIN contained only whitespace - could not discover hosts from it.");
        }
        if (type.equals("auto")) {
            type = input.stripLeading().startsWith("[") ? "json" : "text";
        }
        List<String> hosts = switch (type) {
            case "json" -> fromJson(input);
            case "text" ->
                input.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            default ->
                throw new McollectiveException(
                        "stdin discovery plugin only knows the types auto/text/json, not \"" + type + "\"");
        };
        return hosts;
    }

    private static String read(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_INPUT + 1);
            if (bytes.length > MAX_INPUT) {
                throw new McollectiveException("Standard input is larger than " + MAX_INPUT + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new McollectiveException("Cannot read standard input: " + e.getMessage(), e);
        }
    }

    /** {@code RPC::Helpers.extract_hosts_from_json}. */
    static List<String> fromJson(String json) {
        Object parsed;
        try {
            parsed = Json.mapper().readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new McollectiveException("Could not parse the JSON on standard input: " + e.getOriginalMessage());
        }
        if (!(parsed instanceof List<?> list)) {
            throw new McollectiveException("JSON hosts list is not an array");
        }
        Set<String> hosts = new LinkedHashSet<>();
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> host)) {
                throw new McollectiveException("JSON host list is not an array of Hashes");
            }
            Object name = host.get("sender") != null ? host.get("sender") : host.get("certname");
            if (name == null) {
                throw new McollectiveException("JSON host list does not have senders in it");
            }
            hosts.add(String.valueOf(name));
        }
        return new ArrayList<>(hosts);
    }
}
