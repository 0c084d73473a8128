package mcollective.plugins.discovery.chef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mcollective.McollectiveException;
import mcollective.config.PluginConfig;

/**
 * The Chef client settings the {@code chef} discovery method needs: {@code chef_server_url}, {@code node_name},
 * {@code client_key} and {@code ssl_verify_mode}, read from a knife.rb or client.rb <em>as data</em> (simple Ruby
 * assignments; nothing is run), overridden by {@code plugin.chef.server_url}, {@code plugin.chef.node_name} and
 * {@code plugin.chef.client_key}. The file is {@code plugin.chef.knife_config}, else {@code ~/.chef/knife.rb}, else
 * {@code /etc/chef/client.rb}. A trailing {@code /} on the URL does not matter (the original plugin needed one).
 *
 * @param serverUrl     without a trailing slash
 * @param sslVerifyNone whether {@code ssl_verify_mode :verify_none} was set
 */
public record KnifeConfig(String serverUrl, String nodeName, Path clientKey, boolean sslVerifyNone) {
    private static final Pattern SETTING = Pattern.compile("^\\s*(\\w+)\\s*(?:=\\s*)?(.+?)\\s*$");
    private static final Pattern QUOTED = Pattern.compile("^([\"'])(.*)\\1$");
    private static final Pattern FILE_JOIN = Pattern.compile("^File\\.join\\((.*)\\)$");

    /** The settings for a node or client, from the plugin config and the knife/client file it names or implies. */
    public static KnifeConfig resolve(PluginConfig plugin, Optional<Path> home) {
        List<Path> candidates = new java.util.ArrayList<>();
        home.ifPresent(h -> candidates.add(h.resolve(".chef/knife.rb")));
        candidates.add(Path.of("/etc/chef/client.rb"));
        Optional<Path> file = plugin.get("knife_config").map(Path::of)
                .or(() -> candidates.stream().filter(Files::isReadable).findFirst());
        Map<String, String> settings = file.map(KnifeConfig::read).orElse(Map.of());
        String url = plugin.get("server_url").or(() -> Optional.ofNullable(settings.get("chef_server_url")))
                .orElseThrow(() -> new McollectiveException("No Chef server URL: set plugin.chef.server_url or "
                        + "chef_server_url in " + file.map(Path::toString).orElse("~/.chef/knife.rb")));
        String node = plugin.get("node_name").or(() -> Optional.ofNullable(settings.get("node_name")))
                .orElseThrow(() -> new McollectiveException("No Chef client name: set plugin.chef.node_name or "
                        + "node_name in " + file.map(Path::toString).orElse("~/.chef/knife.rb")));
        String key = plugin.get("client_key").or(() -> Optional.ofNullable(settings.get("client_key")))
                .orElseThrow(() -> new McollectiveException("No Chef client key: set plugin.chef.client_key or "
                        + "client_key in " + file.map(Path::toString).orElse("~/.chef/knife.rb")));
        return new KnifeConfig(url.replaceAll("/+$", ""), node, Path.of(key),
                "verify_none".equals(settings.get("ssl_verify_mode")));
    }

    /**
     * The simple assignments of a knife.rb: {@code key "value"}, {@code key = 'value'}, {@code key :symbol},
     * {@code "#{current_dir}/x.pem"} and {@code File.join(current_dir, "x.pem")} with {@code current_dir} the
     * file's folder. Other lines are ignored; nothing is evaluated.
     */
    static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new McollectiveException("Cannot read Chef configuration " + file + ": " + e.getMessage(), e);
        }
        String currentDir = file.toAbsolutePath().getParent().toString();
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : lines) {
            String code = line.replaceAll("\\s+#.*$", "");
            Matcher m = SETTING.matcher(code);
            if (!m.matches() || code.strip().startsWith("#")) {
                continue;
            }
            value(m.group(2).strip(), currentDir).ifPresent(v -> settings.put(m.group(1), v));
        }
        return settings;
    }

    private static Optional<String> value(String expression, String currentDir) {
        Matcher quoted = QUOTED.matcher(expression);
        if (quoted.matches()) {
            String text = quoted.group(2);
            return Optional.of(quoted.group(1).equals("\"") ? text.replace("#{current_dir}", currentDir) : text);
        }
        if (expression.startsWith(":")) {
            return Optional.of(expression.substring(1));
        }
        Matcher join = FILE_JOIN.matcher(expression);
        if (join.matches()) {
            List<String> parts = new java.util.ArrayList<>();
            for (String part : join.group(1).split(",")) {
                String p = part.strip();
                Optional<String> v = p.equals("current_dir") ? Optional.of(currentDir) : value(p, currentDir);
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                parts.add(v.get());
            }
            return Optional.of(String.join("/", parts));
        }
        return Optional.empty();
    }
}
