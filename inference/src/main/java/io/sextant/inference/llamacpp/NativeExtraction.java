package io.sextant.inference.llamacpp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gives this process its own directory for the native libraries java-llama.cpp extracts from its jar. By default the
 * library copies them to {@code java.io.tmpdir/libjllama.so}, one path shared by every JVM on the machine: two
 * processes starting at once (the CLI beside the server, or test forks built against 4.2.0 and 3.4.1) can overwrite
 * the file while the other loads it. A site's own choice ({@code de.kherud.llama.tmpdir}) is left alone, and
 * {@code de.kherud.llama.lib.path} still takes precedence over extraction.
 */
final class NativeExtraction {

    static final String TMPDIR_PROPERTY = "de.kherud.llama.tmpdir";

    private NativeExtraction() {
    }

    /** Sets a private extraction directory unless one is configured; idempotent. */
    static synchronized void prepare() {
        if (System.getProperty(TMPDIR_PROPERTY) != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("sextant-llama-");
            dir.toFile().deleteOnExit();
            System.setProperty(TMPDIR_PROPERTY, dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for llama.cpp's native library", e);
        }
    }
}
