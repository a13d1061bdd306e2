package io.sextant.ingest.tika;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds out once whether the {@code tesseract} executable is installed (on the PATH). */
public final class OcrProbe {
    private static final boolean INSTALLED = probe();

    private OcrProbe() {
    }

    /**
     * Whether Tesseract can be run.
     *
     * @return true when a {@code tesseract} executable is on the PATH
     */
    public static boolean tesseractInstalled() {
        return INSTALLED;
    }

    private static boolean probe() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "tesseract"))) {
                return true;
            }
        }
        return false;
    }
}
