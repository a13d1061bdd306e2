package io.sextant.appliance.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browser-sent names become safe relative paths inside the upload's staging folder. */
class StagingTest {

    @TempDir
    Path dir;

    @Test
    void namesStayInsideTheStagingFolder() {
        assertThat(Staging.safeName("reports/convoy.txt")).isEqualTo("reports/convoy.txt");
        assertThat(Staging.safeName("../../etc/passwd")).isEqualTo("etc/passwd");
        assertThat(Staging.safeName("/abs/path.pdf")).isEqualTo("abs/path.pdf");
        assertThat(Staging.safeName("C:\\Users\\a\\doc.docx")).isEqualTo("C:/Users/a/doc.docx");
        assertThat(Staging.safeName("bad\u0000\nname.txt")).isEqualTo("badname.txt");
        assertThat(Staging.safeName("")).isEqualTo("upload");
        assertThat(Staging.safeName(null)).isEqualTo("upload");
        assertThat(Staging.safeName("./.././")).isEqualTo("upload");
    }

    @Test
    void sameNamesAreKeptApartAndDiscardRemovesEverything() throws IOException {
        Staging s = new Staging("job", dir.resolve("job"));
        s.add("a/x.txt", new ByteArrayInputStream("one".getBytes()));
        s.add("a/x.txt", new ByteArrayInputStream("two".getBytes()));
        s.add("../../x.txt", new ByteArrayInputStream("three".getBytes()));
        assertThat(s.staged()).hasSize(3);
        assertThat(s.staged()).allSatisfy(f -> assertThat(f.staged()).startsWith(s.files()));
        assertThat(s.staged()).extracting(f -> Files.readString(f.staged())).containsExactly("one", "two", "three");
        assertThat(s.staged().get(1).name()).isEqualTo("a/2-x.txt");
        s.discard();
        assertThat(dir.resolve("job")).doesNotExist();
    }
}
