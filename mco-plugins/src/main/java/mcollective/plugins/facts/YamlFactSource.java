package mcollective.plugins.facts;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.config.SettingPaths;
import mcollective.spi.PluginContext;
import mcollective.spi.support.AbstractFactSource;

/**
 * Port of lib/mcollective/facts/yaml_facts.rb ({@code factsource = yaml}): facts from the YAML files listed in
 * {@code plugin.yaml}, separated by the platform path separator and merged in order (a later file wins a key).
 * Nested hashes stay Maps (structured facts). Facts are reloaded after {@code fact_cache_time}, or at once when any
 * file's modification time or size changes.
 *
 * <p>A missing file is logged and skipped, as in Ruby; one that is a directory or unreadable stops start-up. Unlike
 * Ruby, which skips a file it cannot parse and so drops its facts, an unparseable file fails the whole load and the
 * last good facts are kept: a half-written file must not make a node vanish from discovery. Thread-safe (see
 * {@link AbstractFactSource}).
 */
public final class YamlFactSource extends AbstractFactSource {
    /** Files larger than this are rejected rather than read. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(YamlFactSource.class);

    private volatile List<Path> files = List.of();
    private final Map<Path, Optional<Stamp>> loadedStamps = new HashMap<>();

    /** A source without files; call {@link #configure} before use. */
    public YamlFactSource() {}

    /**
     * @param files     the fact files, merged in order; never null
     * @param cacheTime {@code fact_cache_time}; never null
     * @param clock     the time source; never null
     */
    public YamlFactSource(List<Path> files, Duration cacheTime, Clock clock) {
        configure(files, cacheTime, clock);
    }

    /**
     * Sets the files and cache; call before the source is used by worker threads.
     *
     * @param files     the fact files, merged in order; never null
     * @param cacheTime {@code fact_cache_time}; never null
     * @param clock     the time source; never null
     */
    public void configure(List<Path> files, Duration cacheTime, Clock clock) {
        this.files = List.copyOf(files);
        configureCache(cacheTime, clock);
    }

    /**
     * @param pluginYaml the {@code plugin.yaml} setting, e.g. {@code /etc/mcollective/facts.yaml:/etc/more.yaml}; never null
     * @return the paths, split on {@link File#pathSeparator}, empty entries dropped
     */
    public static List<Path> parseFileList(String pluginYaml) {
        return Arrays.stream(pluginYaml.split(Pattern.quote(File.pathSeparator)))
                .filter(s -> !s.isEmpty())
                .map(Path::of)
                .toList();
    }

    /**
     * Reads {@code plugin.yaml} (the fact files) and {@code fact_cache_time}. A fact file that exists but is a
     * directory or unreadable stops start-up with a {@link mcollective.config.ConfigException} naming it; a missing
     * one is logged at each load, as in Ruby.
     */
    @Override
    public void init(PluginContext context) {
        String list = context.config().pluginSettings().getOrDefault("yaml", "/etc/mcollective/facts.yaml");
        List<Path> paths = parseFileList(list);
        paths.forEach(file -> SettingPaths.requireReadableIfPresent("plugin.yaml", file));
        configure(paths, Duration.ofSeconds(context.config().factCacheTime()), context.clock());
    }

    /** @return {@code "yaml"} */
    @Override
    public String name() {
        return "yaml";
    }

    /** @return the configured fact files, in merge order */
    public List<Path> files() {
        return files;
    }

    @Override
    protected Map<?, ?> loadFacts() {
        List<Path> paths = files;
        if (paths.isEmpty()) {
            throw new McollectiveException("No fact files configured: plugin.yaml is not set");
        }
        Map<Object, Object> facts = new LinkedHashMap<>();
        for (Path file : paths) {
            Optional<Stamp> stamp = Stamp.of(file);
            loadedStamps.put(file, stamp);
            if (stamp.isEmpty()) {
                LOG.error("Failed to load yaml facts from {}: Can't find YAML file to load: {}", file, file);
                continue;
            }
            facts.putAll(read(file, stamp.get()));
        }
        return facts;
    }

    @Override
    protected boolean forceReload() {
        for (Path file : files) {
            Optional<Stamp> now = Stamp.of(file);
            if (!now.equals(loadedStamps.getOrDefault(file, Optional.empty()))) {
                LOG.debug("Forcing fact reload due to age of {}", file);
                return true;
            }
        }
        return false;
    }

    private static Map<Object, Object> read(Path file, Stamp stamp) {
        if (stamp.size() > MAX_FILE_BYTES) {
            throw new McollectiveException("YAML file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return YamlFactsReader.read(text);
        } catch (IOException e) {
            throw new McollectiveException("Failed to load yaml facts from " + file + ": " + e, e);
        } catch (McollectiveException e) {
            throw new McollectiveException("Failed to load yaml facts from " + file + ": " + e.getMessage(), e);
        }
    }

    /** What is compared to notice a changed file. */
    private record Stamp(long modifiedNanos, long size) {
        static Optional<Stamp> of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return Optional.of(new Stamp(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }
}
