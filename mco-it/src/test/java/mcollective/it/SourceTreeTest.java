package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import mcollective.testdata.Reference;

/**
 * The repository keeps itself tidy where the formatter cannot: types are imported rather than written out in code,
 * nothing points outside the repository, every package says what it is for, and no file grows past the size at which
 * it should be split.
 */
class SourceTreeTest {
    private static final Path ROOT = Reference.root().getParent();
    private static final int MAX_LINES = 600;
    /** Spelt in two parts so that this file does not find itself. */
    private static final List<String> OUTSIDE = List.of(".." + "/shared", "shared" + "/reference");

    /** A qualified type name: lower-case package segments, then an upper-case type name. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.@])(?:java|javax|jakarta|mcollective|org|com|net|ch|sun|picocli)(?:\\.[a-z_][a-z0-9_]*)*\\.[A-Z]\\w*");

    @Test
    void codeImportsTypesInsteadOfNamingThemInline() {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles()) {
            String[] lines = codeOnly(read(file)).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.startsWith("import ") || line.startsWith("package ")) {
                    continue;
                }
                Matcher m = QUALIFIED.matcher(line);
                if (m.find()) {
                    found.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + m.group());
                }
            }
        }
        assertThat(found).as("inline fully qualified names").isEmpty();
    }

    @Test
    void nothingPointsOutsideTheRepository() {
        List<String> found = new ArrayList<>();
        for (Path file : textFiles()) {
            String[] lines = read(file).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (OUTSIDE.stream().anyMatch(line::contains)) {
                    found.add(ROOT.relativize(file) + ":" + (i + 1));
                }
            }
        }
        assertThat(found).as("references to files outside the repository").isEmpty();
    }

    @Test
    void everyPackageHasAPackageInfo() {
        List<String> missing = javaFiles().stream()
                .filter(f -> f.toString().contains("/src/main/java/"))
                .map(Path::getParent)
                .distinct()
                .filter(dir -> !Files.isRegularFile(dir.resolve("package-info.java")))
                .map(dir -> ROOT.relativize(dir).toString())
                .toList();
        assertThat(missing).as("packages without package-info.java").isEmpty();
    }

    @Test
    void noSourceFileOutgrowsSixHundredLines() {
        List<String> large = javaFiles().stream()
                .filter(f -> read(f).lines().count() > MAX_LINES)
                .map(f -> ROOT.relativize(f).toString())
                .toList();
        assertThat(large).as("files over " + MAX_LINES + " lines").isEmpty();
    }

    private static List<Path> javaFiles() {
        return walk().filter(f -> f.toString().endsWith(".java")).toList();
    }

    private static List<Path> textFiles() {
        return walk().filter(f -> f.toString().matches(".*\\.(java|md|xml|cfg|rb|ddl|sh|properties)$"))
                .toList();
    }

    private static Stream<Path> walk() {
        try {
            List<Path> modules;
            try (Stream<Path> top = Files.list(ROOT)) {
                modules = top.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                        .toList();
            }
            List<Path> files = new ArrayList<>();
            for (Path module : modules) {
                Path src = module.resolve("src");
                if (Files.isDirectory(src)) {
                    try (Stream<Path> all = Files.walk(src)) {
                        all.filter(Files::isRegularFile).forEach(files::add);
                    }
                }
            }
            try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
                docs.filter(Files::isRegularFile).forEach(files::add);
            }
            for (String top : List.of("README.md", "CONTRIBUTING.md", "pom.xml")) {
                files.add(ROOT.resolve(top));
            }
            return files.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** The source with comments and string and character literals blanked out; line breaks are kept. */
    static String codeOnly(String src) {
        StringBuilder out = new StringBuilder(src);
        int i = 0;
        int n = src.length();
        while (i < n) {
            int end;
            if (src.startsWith("/*", i)) {
                end = indexOrEnd(src, "*/", i + 2, 2);
            } else if (src.startsWith("//", i)) {
                end = indexOrEnd(src, "\n", i, 0);
            } else if (src.startsWith("\"\"\"", i)) {
                end = indexOrEnd(src, "\"\"\"", i + 3, 3);
            } else if (src.charAt(i) == '"' || src.charAt(i) == '\'') {
                end = literalEnd(src, i);
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (out.charAt(k) != '\n') {
                    out.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }

    private static int indexOrEnd(String src, String token, int from, int include) {
        int at = src.indexOf(token, from);
        return at < 0 ? src.length() : at + include;
    }

    private static int literalEnd(String src, int start) {
        char quote = src.charAt(start);
        int j = start + 1;
        while (j < src.length() && src.charAt(j) != quote && src.charAt(j) != '\n') {
            j += src.charAt(j) == '\\' ? 2 : 1;
        }
        return Math.min(j + 1, src.length());
    }
}
