package mcollective.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Port of Config#loadconfig and #read_plugin_config_dir in lib/mcollective/config.rb: reads {@code server.cfg}
 * or {@code client.cfg} line by line, then {@code <dir of config>/plugin.d/<name>.cfg}. Immutable and thread-safe.
 */
public final class ConfigParser {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigParser.class);
    // UNIX_LINES: like Ruby's '.', Java's may then match every character but '\n'
    private static final Pattern LINE = Pattern.compile("(.+?)\\s*=\\s*(.+)", Pattern.UNIX_LINES);
    private static final Pattern TRAILING_SPACE = Pattern.compile("\\s+$");
    private static final Pattern PLUGIN_FILE = Pattern.compile("^(\\w+).cfg$");

    private final Map<String, String> environment;
    private final Supplier<String> hostname;

    /** A parser that hands System.getenv() to the configurations it makes. */
    public ConfigParser() {
        this(System.getenv());
    }

    /** A parser that hands {@code environment} (not null, copied) to the configurations it makes. */
    public ConfigParser(Map<String, String> environment) {
        this(Map.copyOf(environment), ConfigAssembler::localHostname);
    }

    private ConfigParser(Map<String, String> environment, Supplier<String> hostname) {
        this.environment = environment;
        this.hostname = hostname;
    }

    /** A copy of this parser whose default identity is {@code hostname} instead of the local host name. */
    public ConfigParser withHostname(String hostname) {
        return new ConfigParser(environment, () -> hostname);
    }

    /**
     * Reads a configuration file and then its {@code plugin.d} directory, whose settings override the file's.
     *
     * @throws ConfigException {@code Cannot find config file '<path>'}, or any error of a setting
     */
    public Config parse(Path file) {
        if (!Files.exists(file)) {
            throw new ConfigException("Cannot find config file '" + file + "'");
        }
        ConfigAssembler assembler = new ConfigAssembler(file.toString());
        readLines(read(file), file.toString(), assembler::accept);
        Path dir = Optional.ofNullable(file.getParent()).orElse(Path.of("."));
        readPluginDir(dir.resolve("plugin.d"), assembler);
        return assembler.build(Optional.of(file), environment, hostname);
    }

    /**
     * Reads configuration text; {@code sourceName} is only used in messages. No {@code plugin.d} is read.
     *
     * @throws ConfigException on any error of a setting
     */
    public Config parse(String text, String sourceName) {
        ConfigAssembler assembler = new ConfigAssembler(sourceName);
        readLines(text, sourceName, assembler::accept);
        return assembler.build(Optional.empty(), environment, hostname);
    }

    private void readPluginDir(Path dir, ConfigAssembler assembler) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            // Ruby reads in directory order; sorted keeps overrides between files reproducible
            files = listing.sorted().toList();
        } catch (IOException e) {
            throw new ConfigException("Cannot read plugin config directory '" + dir + "': " + e.getMessage(), e);
        }
        for (Path f : files) {
            Matcher m = PLUGIN_FILE.matcher(f.getFileName().toString());
            if (!m.matches() || !Files.isRegularFile(f)) {
                continue;
            }
            String plugin = m.group(1);
            readLines(read(f), f.toString(), (key, setting) -> assembler.acceptPluginFile(plugin, key, setting));
        }
    }

    private static void readLines(String text, String source, BiConsumer<String, Setting> sink) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = TRAILING_SPACE.matcher(lines[i]).replaceFirst("");
            // as in Ruby, only a '#' in the first column starts a comment
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                sink.accept(rubyStrip(m.group(1)), new Setting(m.group(2), source, i + 1));
            } else {
                LOG.debug("{}:{}: ignoring line without 'key = value': {}", source, i + 1, line);
            }
        }
    }

    private static String rubyStrip(String s) {
        return s.replaceAll("^[\\s\\x00]+|[\\s\\x00]+$", "");
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("Cannot read config file '" + file + "': " + e, e);
        }
    }
}
