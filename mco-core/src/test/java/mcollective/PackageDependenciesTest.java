package mcollective;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The package structure of mco-core, read from its sources: the SPI depends only on the JDK, SLF4J and the model
 * packages below it, and no two packages depend on each other, directly or round a longer loop. A dependency is an
 * import (static and wildcard ones too) or a fully qualified name in code; Javadoc and comments do not count.
 */
class PackageDependenciesTest {
    static final Path SOURCES = Path.of("src/main/java");

    /** What {@code mcollective.spi} may use besides itself: the exceptions, config, message model and LogSafe. */
    static final Set<String> SPI_MAY_USE =
            Set.of("mcollective", "mcollective.config", "mcollective.protocol", "mcollective.logging");

    /** Comments, text blocks, strings and character literals, whichever starts first. */
    static final Pattern NOT_CODE = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"\"\".*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)+'", Pattern.DOTALL);

    static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    static final Pattern REFERENCE =
            Pattern.compile("(?<![\\w.])((?:java|javax|org|com|ch|mcollective)(?:\\.[a-z]\\w*)*)\\.(?:[A-Z]\\w*|\\*)");

    @Test
    void shouldKeepTheSpiToTheJdkSlf4jAndTheModelBelowIt() {
        List<String> refused = new ArrayList<>();
        for (String used : dependencies().getOrDefault("mcollective.spi", Set.of())) {
            boolean fine = used.equals("java")
                    || used.startsWith("java.")
                    || used.startsWith("org.slf4j")
                    || used.startsWith("mcollective.spi.")
                    || SPI_MAY_USE.contains(used);
            if (!fine) {
                refused.add(used);
            }
        }
        assertThat(refused).as("packages mcollective.spi must not use").isEmpty();
    }

    @Test
    void shouldHaveNoPackageCycles() {
        Map<String, Set<String>> graph = new TreeMap<>();
        dependencies().forEach((from, uses) -> graph.put(from, new TreeSet<>(uses)));
        graph.values().forEach(uses -> uses.retainAll(graph.keySet()));

        assertThat(cycles(graph)).isEmpty();
    }

    @Test
    void shouldSeeACycleAndAForbiddenUse() {
        Map<String, Set<String>> graph = Map.of(
                "a", Set.of("b"),
                "b", Set.of("c"),
                "c", Set.of("a"),
                "d", Set.of("a"));

        assertThat(cycles(graph)).containsExactly("a -> b -> c -> a");
        assertThat(uses("package mcollective.spi;\n\nimport mcollective.plugin.PluginRegistry;\n"
                        + "/** {@link mcollective.matcher.NodeView} */\n"
                        + "interface X extends mcollective.matcher.Y { String S = \"mcollective.rpc.Z\"; }\n"))
                .containsExactlyInAnyOrder("mcollective.plugin", "mcollective.matcher");
    }

    /** Every package of mco-core and the other packages its sources use. */
    static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> byPackage = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(source);
                assertThat(pkg.find()).as("package of %s", file).isTrue();
                byPackage.computeIfAbsent(pkg.group(1), k -> new TreeSet<>()).addAll(uses(source));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byPackage;
    }

    /** The packages one source file uses, its own excepted. */
    static Set<String> uses(String source) {
        String code = NOT_CODE.matcher(source).replaceAll(" ");
        Matcher pkg = PACKAGE.matcher(code);
        String own = pkg.find() ? pkg.group(1) : "";
        Set<String> used = new TreeSet<>();
        Matcher reference = REFERENCE.matcher(code);
        while (reference.find()) {
            used.add(reference.group(1));
        }
        used.remove(own);
        return used;
    }

    /** Each cycle once, as {@code a -> b -> a}, starting from its smallest package. */
    static List<String> cycles(Map<String, Set<String>> graph) {
        Set<String> found = new TreeSet<>();
        for (String start : new TreeSet<>(graph.keySet())) {
            walk(graph, start, new ArrayList<>(List.of(start)), found);
        }
        return List.copyOf(found);
    }

    private static void walk(Map<String, Set<String>> graph, String start, List<String> path, Set<String> found) {
        for (String next : graph.getOrDefault(path.get(path.size() - 1), Set.of())) {
            if (next.equals(start)) {
                found.add(String.join(" -> ", path) + " -> " + start);
            } else if (next.compareTo(start) > 0 && !path.contains(next)) {
                path.add(next);
                walk(graph, start, path, found);
                path.remove(path.size() - 1);
            }
        }
    }
}
