package dev.worklink.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FileSizeTest {

    @Test
    void readsBytesAndBinaryUnits() {
        assertThat(FileSize.parse("52428800")).isEqualTo(52_428_800L);
        assertThat(FileSize.parse("50MB")).isEqualTo(50L * 1024 * 1024);
        assertThat(FileSize.parse("512 KB")).isEqualTo(512L * 1024);
        assertThat(FileSize.parse("1gb")).isEqualTo(1024L * 1024 * 1024);
        assertThat(FileSize.parse("300M")).isEqualTo(300L * 1024 * 1024);
    }

    @Test
    void rejectsWhatIsNotASizeWithTheRule() {
        assertThatThrownBy(() -> FileSize.parse("fifty")).hasMessageContaining("'fifty' is not a size").hasMessageContaining("50MB");
        assertThatThrownBy(() -> FileSize.parse("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileSize.parse("5TB")).isInstanceOf(IllegalArgumentException.class);
    }
}
