package mcollective.ddl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds and caches DDLs as MCollective does: {@code <libdir>/mcollective/<kind>/<name>.ddl} on every
 * {@code libdir} (the last one written first, as Ruby's load path has it), then the same relative path on the
 * class path, where the plugins this project ships keep theirs. Thread-safe.
 */
public final class DdlLoader {
    private final List<Path> libdirs;
    private final ClassLoader classLoader;
    private final Map<String, Optional<Ddl>> cache = new ConcurrentHashMap<>();

    public DdlLoader(List<Path> libdirs) {
        this(libdirs, DdlLoader.class.getClassLoader());
    }

    public DdlLoader(List<Path> libdirs, ClassLoader classLoader) {
        List<Path> reversed = new ArrayList<>(libdirs);
        java.util.Collections.reverse(reversed);
        this.libdirs = List.copyOf(reversed);
        this.classLoader = classLoader;
    }

    /** The DDL of a plugin, if one is installed. Throws {@link DdlException} when one exists but cannot be read. */
    public Optional<Ddl> find(String kind, String name) {
        if (!name.matches("[\\w.\\-]+")) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(kind + "/" + name, key -> load(kind, name));
    }

    /** The DDL of an agent; a missing one is MCollective's {@code Can't find DDL for agent plugin 'x'}. */
    public Ddl agent(String name) {
        return find("agent", name).orElseThrow(() -> new DdlException(
                "Can't find DDL for agent plugin '" + name + "'"));
    }

    private Optional<Ddl> load(String kind, String name) {
        String relative = "mcollective/" + kind + "/" + name + ".ddl";
        for (Path libdir : libdirs) {
            Path file = libdir.resolve(relative);
            Path json = libdir.resolve("mcollective/" + kind + "/" + name + ".json");
            try {
                if (Files.isRegularFile(file)) {
                    return Optional.of(DdlReader.read(kind, name, Files.readString(file), file.toString()));
                }
                if (Files.isRegularFile(json)) {
                    return Optional.of(JsonDdlReader.read(kind, name, Files.readString(json), json.toString()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        try (InputStream in = classLoader.getResourceAsStream(relative)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(DdlReader.read(kind, name, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "classpath:" + relative));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + relative, e);
        }
    }

    /** Every plugin of a kind with a DDL, on the libdirs or the class path, sorted. */
    public List<String> names(String kind) {
        java.util.Set<String> names = new java.util.TreeSet<>(namesOnLibdirs(kind));
        try {
            var urls = classLoader.getResources("mcollective/" + kind);
            while (urls.hasMoreElements()) {
                java.net.URL url = urls.nextElement();
                if (url.getProtocol().equals("file")) {
                    try (var files = Files.list(Path.of(url.toURI()))) {
                        files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".ddl"))
                                .forEach(f -> names.add(f.substring(0, f.length() - 4)));
                    }
                } else if (url.getProtocol().equals("jar")) {
                    String jar = url.getPath().substring("file:".length(), url.getPath().indexOf('!'));
                    try (var zip = new java.util.zip.ZipFile(java.net.URLDecoder.decode(jar,
                            java.nio.charset.StandardCharsets.UTF_8))) {
                        String prefix = "mcollective/" + kind + "/";
                        zip.stream().map(java.util.zip.ZipEntry::getName)
                                .filter(n -> n.startsWith(prefix) && n.endsWith(".ddl") && n.indexOf('/', prefix.length()) < 0)
                                .forEach(n -> names.add(n.substring(prefix.length(), n.length() - 4)));
                    }
                }
            }
        } catch (IOException | java.net.URISyntaxException e) {
            throw new DdlException("Cannot list the " + kind + " DDLs on the class path: " + e.getMessage());
        }
        return List.copyOf(names);
    }

    /** The names of the plugins of a kind whose DDLs are on the libdirs (not the class path), sorted. */
    public List<String> namesOnLibdirs(String kind) {
        List<String> names = new ArrayList<>();
        for (Path libdir : libdirs) {
            Path dir = libdir.resolve("mcollective").resolve(kind);
            if (Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".ddl") || f.endsWith(".json"))
                            .map(f -> f.substring(0, f.lastIndexOf('.'))).filter(n -> !names.contains(n))
                            .forEach(names::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot list " + dir, e);
                }
            }
        }
        names.sort(null);
        return names;
    }
}
