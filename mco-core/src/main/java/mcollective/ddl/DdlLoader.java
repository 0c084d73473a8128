package mcollective.ddl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds and caches DDLs as MCollective does ({@code ddl/base.rb findddlfile} over {@code Config#libdir}):
 * {@code <libdir>/mcollective/<kind>/<name>.ddl}, else {@code <name>.json} (Choria's format; each a {@link DdlFormat}
 * found on the class path), on every
 * {@code libdir} with the last one configured searched first (Ruby puts each libdir at the front of
 * {@code $LOAD_PATH}), then the same relative paths on the class path, where the plugins this project ships keep
 * theirs. Data and validator DDLs carry their suffix in the name ({@code fact_data}, {@code shellsafe_validator}).
 * A parsed DDL is cached for the loader's lifetime (Ruby: 300 s); a missing one is not. Thread-safe.
 */
public final class DdlLoader {
    private static final Map<String, DdlFormat> FORMATS = formats();

    private final List<Path> libdirs;
    private final ClassLoader classLoader;
    private final Map<String, Ddl> cache = new ConcurrentHashMap<>();

    /** A loader over these libdirs (in config order) and this class's class loader. */
    public DdlLoader(List<Path> libdirs) {
        this(libdirs, DdlLoader.class.getClassLoader());
    }

    /** A loader over these libdirs (in config order) and the given class loader. */
    public DdlLoader(List<Path> libdirs, ClassLoader classLoader) {
        List<Path> reversed = new ArrayList<>(libdirs);
        Collections.reverse(reversed);
        this.libdirs = List.copyOf(reversed);
        this.classLoader = classLoader;
    }

    /**
     * The DDL of a plugin, if one is installed.
     *
     * @throws DdlException when one exists but cannot be read (with its file and line)
     */
    public Optional<Ddl> find(DdlKind kind, String name) {
        if (!name.matches("[\\w.\\-]+") || name.startsWith(".")) {
            return Optional.empty();
        }
        Ddl cached = cache.get(kind + "/" + name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Ddl> read = read(kind, name);
        read.ifPresent(ddl -> cache.putIfAbsent(kind + "/" + name, ddl));
        return read;
    }

    /** {@link #find(DdlKind, String)} by Ruby type name; empty for a type that has no DDLs. */
    public Optional<Ddl> find(String kind, String name) {
        return DdlKind.find(kind).flatMap(k -> find(k, name));
    }

    /**
     * The DDL of a plugin; a missing one is Ruby's {@code Can't find DDL for agent plugin 'x'}.
     *
     * @throws DdlException when it is missing or cannot be read
     */
    public Ddl load(DdlKind kind, String name) {
        return find(kind, name)
                .orElseThrow(
                        () -> new DdlException("Can't find DDL for " + kind.typeName() + " plugin '" + name + "'"));
    }

    /** {@code load(DdlKind.AGENT, name)}. */
    public Ddl agent(String name) {
        return load(DdlKind.AGENT, name);
    }

    private Optional<Ddl> read(DdlKind kind, String name) {
        String base = "mcollective/" + kind.typeName() + "/" + name;
        for (Path libdir : libdirs) {
            for (String ext : FORMATS.keySet()) {
                Path file = libdir.resolve(base + ext);
                if (Files.isRegularFile(file)) {
                    try {
                        return Optional.of(parse(kind, name, ext, Files.readString(file), file.toString()));
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read DDL " + file, e);
                    }
                }
            }
        }
        for (String ext : FORMATS.keySet()) {
            try (InputStream in = classLoader.getResourceAsStream(base + ext)) {
                if (in != null) {
                    return Optional.of(parse(
                            kind,
                            name,
                            ext,
                            new String(in.readAllBytes(), StandardCharsets.UTF_8),
                            "classpath:" + base + ext));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read DDL classpath:" + base + ext, e);
            }
        }
        return Optional.empty();
    }

    private static Ddl parse(DdlKind kind, String name, String ext, String text, String file) {
        return FORMATS.get(ext).parse(kind, name, text, file);
    }

    /** The formats on the class path by extension, {@code .ddl} first (the only one Ruby reads), then by name. */
    private static Map<String, DdlFormat> formats() {
        Map<String, DdlFormat> byExtension = new TreeMap<>(
                Comparator.comparing((String ext) -> !ext.equals(".ddl")).thenComparing(Comparator.naturalOrder()));
        for (DdlFormat format : ServiceLoader.load(DdlFormat.class, DdlLoader.class.getClassLoader())) {
            if (byExtension.putIfAbsent(format.extension(), format) != null) {
                throw new DdlException("Two DDL formats read " + format.extension() + ": "
                        + byExtension.get(format.extension()).getClass().getName() + " and "
                        + format.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(byExtension));
    }

    /** Every plugin of a kind with a DDL, on the libdirs or the class path, sorted; empty for an unknown kind. */
    public List<String> names(String kind) {
        if (DdlKind.find(kind).isEmpty()) {
            return List.of();
        }
        Set<String> names = new TreeSet<>(namesOnLibdirs(kind));
        String prefix = "mcollective/" + kind + "/";
        try {
            var urls = classLoader.getResources("mcollective/" + kind);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if (url.getProtocol().equals("file")) {
                    try (var files = Files.list(Path.of(url.toURI()))) {
                        files.map(f -> f.getFileName().toString())
                                .filter(DdlLoader::isDdlFile)
                                .forEach(f -> names.add(stripExtension(f)));
                    }
                } else if (url.getProtocol().equals("jar")) {
                    String jar = url.getPath()
                            .substring("file:".length(), url.getPath().indexOf('!'));
                    try (var zip = new ZipFile(URLDecoder.decode(jar, StandardCharsets.UTF_8))) {
                        zip.stream()
                                .map(ZipEntry::getName)
                                .filter(n -> n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0)
                                .map(n -> n.substring(prefix.length()))
                                .filter(DdlLoader::isDdlFile)
                                .forEach(n -> names.add(stripExtension(n)));
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new DdlException("Cannot list the " + kind + " DDLs on the class path: " + e.getMessage());
        }
        return List.copyOf(names);
    }

    /** The names of the plugins of a kind whose DDLs are on the libdirs (not the class path), sorted. */
    public List<String> namesOnLibdirs(String kind) {
        Set<String> names = new TreeSet<>();
        for (Path libdir : libdirs) {
            Path dir = libdir.resolve("mcollective").resolve(kind);
            if (Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    files.map(f -> f.getFileName().toString())
                            .filter(DdlLoader::isDdlFile)
                            .forEach(f -> names.add(stripExtension(f)));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot list " + dir, e);
                }
            }
        }
        return List.copyOf(names);
    }

    private static boolean isDdlFile(String fileName) {
        return FORMATS.containsKey(fileName.substring(Math.max(0, fileName.lastIndexOf('.'))));
    }

    private static String stripExtension(String fileName) {
        return fileName.substring(0, fileName.lastIndexOf('.'));
    }
}
