package mcollective.chef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import mcollective.McollectiveException;
import mcollective.config.PluginConfig;

/**
 * The Chef client settings the {@code chef} discovery method and fact source need: {@code chef_server_url},
 * {@code node_name}, {@code client_key} and {@code ssl_verify_mode}, read from a knife.rb or client.rb <em>as
 * data</em> (simple Ruby assignments; nothing is run), overridden by {@code plugin.chef.server_url},
 * {@code plugin.chef.node_name} and {@code plugin.chef.client_key}. The file is {@code plugin.chef.knife_config},
 * else the first readable one of {@link #resolve} or {@link #forNode}. A trailing {@code /} on the URL does not
 * matter (the original plugin needed one).
 *
 * <p>For an {@code https} server the CAs trusted besides the JDK's are knife's: {@code ssl_ca_file}
 * ({@code plugin.chef.ssl_ca_file}) and every certificate in {@code trusted_certs_dir}, by default the
 * {@code trusted_certs} folder beside the file ({@code knife ssl fetch} puts the server's certificate there).
 *
 * @param serverUrl       without a trailing slash
 * @param sslVerifyNone   whether {@code ssl_verify_mode :verify_none} was set
 * @param sslCaFile       {@code ssl_ca_file}, if set
 * @param trustedCertsDir {@code trusted_certs_dir}; it need not exist
 */
public record KnifeConfig(
        String serverUrl,
        String nodeName,
        Path clientKey,
        boolean sslVerifyNone,
        Optional<Path> sslCaFile,
        Path trustedCertsDir) {
    private static final Pattern SETTING = Pattern.compile("^\\s*(\\w+)\\s*(?:=\\s*)?(.+?)\\s*$");
    private static final Pattern QUOTED = Pattern.compile("^([\"'])(.*)\\1$");
    private static final Pattern FILE_JOIN = Pattern.compile("^File\\.join\\((.*)\\)$");
    private static final Path CLIENT_RB = Path.of("/etc/chef/client.rb");

    /** The certificates to trust besides the JDK's: {@code ssl_ca_file} and the files in {@code trusted_certs_dir}. */
    public List<Path> trustedCertificateFiles() {
        List<Path> files = new ArrayList<>();
        sslCaFile.ifPresent(files::add);
        if (Files.isDirectory(trustedCertsDir)) {
            try (Stream<Path> listing = Files.list(trustedCertsDir)) {
                listing.filter(Files::isRegularFile)
                        .filter(f -> f.toString().matches(".*\\.(crt|pem)$"))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new McollectiveException(
                        "Cannot read the Chef trusted certificates in " + trustedCertsDir + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    /** The settings for a client ({@code chef} discovery): {@code ~/.chef/knife.rb}, else {@code /etc/chef/client.rb}. */
    public static KnifeConfig resolve(PluginConfig plugin, Optional<Path> home) {
        List<Path> candidates = new ArrayList<>();
        home.ifPresent(h -> candidates.add(h.resolve(".chef/knife.rb")));
        candidates.add(CLIENT_RB);
        return resolve(plugin, candidates, Map.of());
    }

    /**
     * The settings a node reads its own document with ({@code chef} fact source), as chef-client would:
     * {@code /etc/chef/client.rb}, else {@code ~/.chef/knife.rb}; {@code node_name} defaults to the MCollective
     * {@code identity} and {@code client_key} to chef-client's {@code /etc/chef/client.pem}.
     */
    public static KnifeConfig forNode(PluginConfig plugin, String identity, Optional<Path> home) {
        List<Path> candidates = new ArrayList<>(List.of(CLIENT_RB));
        home.ifPresent(h -> candidates.add(h.resolve(".chef/knife.rb")));
        return resolve(plugin, candidates, Map.of("node_name", identity, "client_key", "/etc/chef/client.pem"));
    }

    private static KnifeConfig resolve(PluginConfig plugin, List<Path> candidates, Map<String, String> defaults) {
        Optional<Path> file = plugin.get("knife_config")
                .map(Path::of)
                .or(() -> candidates.stream().filter(Files::isReadable).findFirst());
        Map<String, String> settings = new HashMap<>(defaults);
        file.map(KnifeConfig::read).ifPresent(settings::putAll);
        String where = file.orElse(candidates.get(0)).toString();
        String url = setting(plugin, "server_url", settings.get("chef_server_url"), "No Chef server URL", where);
        String node = setting(plugin, "node_name", settings.get("node_name"), "No Chef client name", where);
        String key = setting(plugin, "client_key", settings.get("client_key"), "No Chef client key", where);
        Path folder = file.orElse(candidates.get(0)).toAbsolutePath().getParent();
        return new KnifeConfig(
                url.replaceAll("/+$", ""),
                node,
                Path.of(key),
                "verify_none".equals(plugin.get("ssl_verify_mode").orElse(settings.get("ssl_verify_mode"))),
                plugin.get("ssl_ca_file")
                        .or(() -> Optional.ofNullable(settings.get("ssl_ca_file")))
                        .map(Path::of),
                plugin.get("trusted_certs_dir")
                        .or(() -> Optional.ofNullable(settings.get("trusted_certs_dir")))
                        .map(Path::of)
                        .orElse(folder.resolve("trusted_certs")));
    }

    private static String setting(PluginConfig plugin, String key, String fromFile, String missing, String where) {
        String fileKey = key.equals("server_url") ? "chef_server_url" : key;
        return plugin.get(key)
                .or(() -> Optional.ofNullable(fromFile))
                .orElseThrow(() -> new McollectiveException(
                        missing + ": set plugin.chef." + key + " or " + fileKey + " in " + where));
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
            List<String> parts = new ArrayList<>();
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
