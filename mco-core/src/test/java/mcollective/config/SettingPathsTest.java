package mcollective.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingPathsTest {
    @TempDir
    Path dir;

    @Nested
    class RequireReadableIfPresent {
        @Test
        void shouldAcceptAMissingFile() {
            assertThatCode(() -> SettingPaths.requireReadableIfPresent("classesfile", dir.resolve("classes.txt")))
                    .doesNotThrowAnyException();
        }

        @Test
        void shouldAcceptAReadableFile() throws IOException {
            Path file = Files.writeString(dir.resolve("classes.txt"), "role.base\n");

            assertThatCode(() -> SettingPaths.requireReadableIfPresent("classesfile", file))
                    .doesNotThrowAnyException();
        }

        @Test
        void shouldNameTheKeyAndPathOfADirectory() {
            assertThatThrownBy(() -> SettingPaths.requireReadableIfPresent("classesfile", dir))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("classesfile '" + dir + "' is a directory");
        }
    }

    @Nested
    class RequireAppendable {
        @Test
        void shouldCreateAMissingFileAndKeepWhatAnExistingOneHolds() throws IOException {
            Path log = dir.resolve("node.log");
            SettingPaths.requireAppendable("logfile", log);
            Files.writeString(log, "earlier line\n");

            SettingPaths.requireAppendable("logfile", log);

            assertThat(Files.readString(log)).isEqualTo("earlier line\n");
        }

        @Test
        void shouldNameTheKeyAndPathOfADirectory() {
            assertThatThrownBy(() -> SettingPaths.requireAppendable("logfile", dir))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("logfile '" + dir + "' is a directory");
        }

        @Test
        void shouldSayWhenTheDirectoryIsMissing() {
            Path log = dir.resolve("no/such/node.log");

            assertThatThrownBy(() -> SettingPaths.requireAppendable("logfile", log))
                    .hasMessage("logfile '" + log + "' cannot be created: its directory does not exist");
        }

        @Test
        void shouldGiveTheSystemsReasonForAPathThatCannotBeWritten() throws IOException {
            Path file = Files.writeString(dir.resolve("file"), "");
            Path log = file.resolve("node.log"); // a file where a directory should be: ENOTDIR, even for root

            assertThatThrownBy(() -> SettingPaths.requireAppendable("logfile", log))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("logfile '" + log + "' cannot ");
        }
    }
}
