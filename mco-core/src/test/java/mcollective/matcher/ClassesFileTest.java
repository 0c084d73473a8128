package mcollective.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassesFileTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadOneClassPerLineWithoutLineEndings() throws IOException {
        Path file = Files.writeString(dir.resolve("classes.txt"), "apache\r\nprofile::base\nrole.web\n");

        assertThat(new ClassesFile(file).classes()).containsExactly("apache", "profile::base", "role.web");
    }

    @Test
    void shouldHaveNoClassesWhenTheFileIsMissing() {
        assertThat(new ClassesFile(dir.resolve("nope.txt")).classes()).isEmpty();
    }

    @Test
    void shouldRereadTheFileWhenItChanges() throws IOException {
        Path file = Files.writeString(dir.resolve("classes.txt"), "apache\n");
        ClassesFile classes = new ClassesFile(file);
        assertThat(classes.classes()).containsExactly("apache");

        Files.writeString(file, "nginx\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(classes.classes()).containsExactly("nginx");
    }

    @Test
    void shouldPickUpAFileThatAppearsLater() throws IOException {
        Path file = dir.resolve("classes.txt");
        ClassesFile classes = new ClassesFile(file);
        assertThat(classes.classes()).isEmpty();

        Files.writeString(file, "apache\n");

        assertThat(classes.classes()).containsExactly("apache");
    }

    @Test
    void shouldKeepWhitespaceOtherThanTheLineEndingLikeRubyChomp() {
        assertThat(ClassesFile.lines("a \n\nb")).containsExactly("a ", "", "b");
        assertThat(ClassesFile.lines("")).isEmpty();
    }
}
