package io.sextant.ingest.isolate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.ingest.Block;
import io.sextant.ingest.Extraction;
import io.sextant.ingest.ExtractionLimits;
import io.sextant.ingest.QuarantineReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real child JVMs: a hang is killed at the timeout, a crash and an out-of-memory quarantine their file, and in each
 * case the next file is parsed by a fresh child. One pool serves the whole class (child start-up is costly).
 */
class IsolatedTextExtractorTest {
    @TempDir
    static Path dir;
    private static IsolatedTextExtractor pool;

    @BeforeAll
    static void start() {
        pool = new IsolatedTextExtractor(new IsolationSettings(1, 96, dir.resolve("scratch"), false,
                MisbehavingChild.class.getName()), ExtractionLimits.DEFAULTS.withTimeout(Duration.ofSeconds(8)));
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void a_normal_file_is_parsed_in_the_child() throws IOException {
        Extraction e = pool.extract(write("plain.txt", "Hello from a child process.\n\nSecond paragraph."));
        assertThat(e.failure()).isNull();
        assertThat(text(e)).contains("Hello from a child process.", "Second paragraph.");
        assertThat(e.parts().get(0).blocks()).hasSize(2);
    }

    @Test
    void a_hanging_parser_is_killed_at_the_timeout_and_the_next_file_goes_on() throws IOException {
        int before = pool.restarts();
        long t0 = System.nanoTime();
        Extraction e = pool.extract(write("hang.txt", "never parsed"));
        assertThat(e.failure()).isEqualTo(QuarantineReason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
        assertThat(pool.restarts()).isEqualTo(before + 1);
        assertThat(text(pool.extract(write("after-hang.txt", "still working")))).contains("still working");
    }

    @Test
    void a_crashing_parser_quarantines_the_file_as_corrupt() throws IOException {
        Extraction e = pool.extract(write("crash.txt", "boom"));
        assertThat(e.failure()).isEqualTo(QuarantineReason.CORRUPT);
        assertThat(e.detail()).contains("exit 134");
        assertThat(text(pool.extract(write("after-crash.txt", "next one")))).contains("next one");
    }

    @Test
    void a_parser_out_of_memory_quarantines_the_file_as_too_large() throws IOException {
        Extraction e = pool.extract(write("oom.txt", "huge"));
        assertThat(e.failure()).isEqualTo(QuarantineReason.TOO_LARGE);
        assertThat(e.detail()).contains("out of memory");
        assertThat(text(pool.extract(write("after-oom.txt", "alive")))).contains("alive");
    }

    @Test
    void the_child_writes_temporary_files_only_inside_its_scratch_directory() throws IOException {
        pool.extract(write("scratch-check.txt", "x"));
        try (Stream<Path> s = Files.list(dir.resolve("scratch"))) {
            assertThat(s.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("ingest-child-"));
        }
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String text(Extraction e) {
        assertThat(e.failure()).as(e.detail()).isNull();
        return e.parts().stream().flatMap(p -> p.blocks().stream()).map(Block::text)
                .collect(Collectors.joining("\n"));
    }
}
