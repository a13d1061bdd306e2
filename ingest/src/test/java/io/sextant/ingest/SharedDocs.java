package io.sextant.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/eval through the {@code sextant.shared.dir} property; tests that need it skip loudly without it. */
public final class SharedDocs {
    private SharedDocs() {
    }

    /**
     * A folder under {@code <shared>/eval}.
     *
     * @param name e.g. "docs" or "corpus"
     * @return the folder (the calling test is skipped when it is missing)
     */
    public static Path eval(String name) {
        String shared = System.getProperty("sextant.shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "eval", name);
        boolean present = dir != null && Files.isDirectory(dir);
        if (!present) {
            System.err.println("SKIPPED: ../shared/eval/" + name + " not found (sextant.shared.dir=" + shared + ")");
        }
        assumeTrue(present, "shared evaluation files absent: set -Dsextant.shared.dir to the ../shared folder");
        return dir;
    }
}
