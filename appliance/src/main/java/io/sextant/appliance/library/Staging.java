package io.sextant.appliance.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The staging folder of one upload: each file is streamed to disk under the name the browser sent (a relative path
 * for folder uploads), made safe — no absolute paths, no {@code ..}, no control characters — and unique.
 */
final class Staging {

    private final String id;
    private final Path root;
    private final Path files;
    private final List<LibraryStore.StagedFile> staged = new ArrayList<>();

    /**
     * @param id   the upload's job id
     * @param root its folder, {@code <data-dir>/uploads/<id>}
     */
    Staging(String id, Path root) {
        this.id = id;
        this.root = root.toAbsolutePath().normalize();
        this.files = this.root.resolve("files");
        try {
            Files.createDirectories(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the staging folder " + files, e);
        }
    }

    /** @return the job id */
    String id() {
        return id;
    }

    /** @return the folder ingest is given */
    Path files() {
        return files;
    }

    /** @return the files written so far */
    List<LibraryStore.StagedFile> staged() {
        return List.copyOf(staged);
    }

    /**
     * Streams one uploaded file to disk.
     *
     * @param name the name the browser sent
     * @param in   its bytes (closed here)
     * @throws IOException on write errors
     */
    void add(String name, InputStream in) throws IOException {
        String safe = safeName(name);
        Path target = files.resolve(safe).normalize();
        if (!target.startsWith(files)) {
            throw new IOException("unsafe upload name");
        }
        if (Files.exists(target)) {
            String file = target.getFileName().toString();
            target = target.resolveSibling((staged.size() + 1) + "-" + file);
            safe = files.relativize(target).toString();
        }
        Files.createDirectories(target.getParent());
        try (in) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        staged.add(new LibraryStore.StagedFile(staged.size(), safe, target, null, null, 0));
    }

    /** Removes the folder and everything in it. */
    void discard() {
        deleteTree(root);
    }

    /**
     * @param name a browser-sent file name or relative path
     * @return a relative path that stays inside the staging folder
     */
    static String safeName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        List<String> parts = new ArrayList<>();
        for (String p : n.split("/")) {
            String clean = p.codePoints().filter(cp -> cp >= 0x20 && cp != 0x7f)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                    .strip();
            if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) {
                continue;
            }
            parts.add(clean.length() > 200 ? clean.substring(clean.length() - 200) : clean);
        }
        if (parts.size() > 32) {
            parts = parts.subList(parts.size() - 32, parts.size());
        }
        return parts.isEmpty() ? "upload" : String.join("/", parts);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
