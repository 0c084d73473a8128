package mcollective.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DDLs found on the libdirs (last configured first), then on the class path, as Ruby's load path does. */
class DdlLoaderTest {
    @TempDir
    Path tmp;

    Path write(Path libdir, String relative, String text) throws IOException {
        Path file = libdir.resolve("mcollective").resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    static String agent(String description) {
        return DdlFixtures.METADATA.formatted("x").replace("=> \"d\"", "=> \"" + description + "\"");
    }

    ClassLoader classPath(Path root) throws IOException {
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }

    @Test
    void shouldSearchTheLastConfiguredLibdirFirst() throws IOException {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        write(first, "agent/x.ddl", agent("from first"));
        write(second, "agent/x.ddl", agent("from second"));
        write(first, "agent/y.ddl", agent("only in first"));

        DdlLoader loader = new DdlLoader(List.of(first, second), classPath(tmp.resolve("none")));

        assertThat(loader.load(DdlKind.AGENT, "x").meta().description()).isEqualTo("from second");
        assertThat(loader.agent("y").meta().description()).isEqualTo("only in first");
        assertThat(loader.namesOnLibdirs("agent")).containsExactly("x", "y");
    }

    @Test
    void shouldFallBackToTheClassPathAndReadJson() throws IOException {
        Path jar = tmp.resolve("jar");
        write(jar, "agent/shipped.ddl", agent("shipped"));
        write(jar, "agent/choria.json", """
                {"metadata": {"name": "choria", "description": "json", "author": "a", "license": "l",
                              "version": "1", "url": "u", "timeout": 3}, "actions": []}
                """);
        Path libdir = tmp.resolve("lib");
        write(libdir, "data/local_data.json", """
                {"metadata": {"name": "local", "description": "json data", "author": "a", "license": "l",
                              "version": "1", "url": "u", "timeout": 1},
                 "query": {"prompt": "q", "description": "d", "type": "string", "validation": ".", "maxlength": 9},
                 "output": {}}
                """);

        DdlLoader loader = new DdlLoader(List.of(libdir), classPath(jar));

        Ddl shipped = loader.find("agent", "shipped").orElseThrow();
        assertThat(shipped.meta().description()).isEqualTo("shipped");
        assertThat(shipped.source()).isEqualTo("classpath:mcollective/agent/shipped.ddl");
        assertThat(loader.find(DdlKind.AGENT, "choria").orElseThrow().timeout()).hasSeconds(3);
        assertThat(loader.find(DdlKind.DATA, "local_data").orElseThrow().dataquery())
                .isPresent();
        assertThat(loader.names("agent")).containsExactly("choria", "shipped");
    }

    @Test
    void shouldPreferTheRubyDslToJsonAndIgnoreOtherFiles() throws IOException {
        Path libdir = tmp.resolve("lib");
        write(libdir, "agent/both.ddl", agent("dsl"));
        write(libdir, "agent/both.json", "{\"metadata\": {\"description\": \"json\"}, \"actions\": []}");
        write(libdir, "agent/notes.txt", "not a DDL");

        DdlLoader loader = new DdlLoader(List.of(libdir), classPath(tmp.resolve("none")));

        assertThat(loader.agent("both").meta().description()).isEqualTo("dsl");
        assertThat(loader.namesOnLibdirs("agent")).containsExactly("both");
        assertThat(loader.find(DdlKind.AGENT, "notes")).isEmpty();
    }

    @Test
    void shouldSayWhatIsMissingAsRubyDoes() throws IOException {
        DdlLoader loader = new DdlLoader(List.of(tmp), classPath(tmp.resolve("none")));

        assertThat(loader.find(DdlKind.AGENT, "nope")).isEmpty();
        assertThat(loader.find("widget", "nope")).isEmpty();
        assertThat(loader.find(DdlKind.AGENT, "../etc/passwd")).isEmpty();
        assertThatThrownBy(() -> loader.load(DdlKind.AGENT, "nope"))
                .isInstanceOf(DdlException.class)
                .hasMessage("Can't find DDL for agent plugin 'nope'");
        assertThatThrownBy(() -> loader.load(DdlKind.DATA, "nope_data"))
                .hasMessage("Can't find DDL for data plugin 'nope_data'");
    }

    @Test
    void shouldNameTheFileOfABrokenDdl() throws IOException {
        Path file = write(tmp, "agent/broken.ddl", agent("b") + "action 'a' do\nend\n");

        DdlLoader loader = new DdlLoader(List.of(tmp), classPath(tmp.resolve("none")));

        assertThatThrownBy(() -> loader.agent("broken")).hasMessage(file + ":3: Action needs a :description property");
    }

    @Test
    void shouldCacheWhatItRead() throws IOException {
        Path file = write(tmp, "agent/x.ddl", agent("before"));
        DdlLoader loader = new DdlLoader(List.of(tmp), classPath(tmp.resolve("none")));
        Ddl first = loader.agent("x");

        Files.writeString(file, agent("after"));

        assertThat(loader.agent("x")).isSameAs(first);
        assertThat(new DdlLoader(List.of(tmp), classPath(tmp.resolve("none")))
                        .agent("x")
                        .meta()
                        .description())
                .isEqualTo("after");
    }
}
