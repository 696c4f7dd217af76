package dev.worklink.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSetTest {

    @TempDir
    Path base;

    private Path touch(String relative) throws Exception {
        Path p = base.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, relative);
        return p;
    }

    @Test
    void aGlobMatchesFilesRelativeToTheBaseDirectoryInOrder() throws Exception {
        Path b = touch("target/b.zip");
        Path a = touch("target/a.zip");
        touch("target/a.jar");
        touch("other/c.zip");

        assertThat(FileSet.resolve(base, List.of("target/*.zip"))).containsExactly(a, b);
    }

    @Test
    void aDoubleStarGlobDescends() throws Exception {
        Path deep = touch("dist/x/y/notes.txt");
        touch("dist/x/y/notes.md");

        assertThat(FileSet.resolve(base, List.of("dist/**/*.txt"))).containsExactly(deep);
    }

    @Test
    void aPlainPathMustExist() {
        assertThatThrownBy(() -> FileSet.resolve(base, List.of("target/missing.zip")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("'target/missing.zip' is not a file");
    }

    @Test
    void aGlobThatMatchesNothingIsAnError() throws Exception {
        touch("target/a.jar");
        assertThatThrownBy(() -> FileSet.resolve(base, List.of("target/*.zip"))).hasMessageContaining("matches no file");
    }

    @Test
    void aFileNamedTwiceIsListedOnce() throws Exception {
        Path a = touch("a.txt");
        assertThat(FileSet.resolve(base, List.of("a.txt", "*.txt"))).containsExactly(a);
    }
}
