package io.sextant.appliance.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The appliance's data directory and the fixed layout beneath it. Directories are created owner-only (0700) and
 * secret files owner-read/write (0600): the database credentials, the TLS keystore and its password live here, so the
 * file system is the boundary around them.
 *
 * @param root the data directory, absolute
 */
public record DataDir(Path root) {

    private static final Set<PosixFilePermission> DIR_PERMS = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_PERMS = PosixFilePermissions.fromString("rw-------");

    /** Normalises to an absolute path. */
    public DataDir {
        root = root.toAbsolutePath().normalize();
    }

    /** @return {@code db/}, the H2 database directory */
    public Path db() {
        return root.resolve("db");
    }

    /** @return {@code tls/}, the keystore and its password */
    public Path tls() {
        return root.resolve("tls");
    }

    /** @return {@code logs/} */
    public Path logs() {
        return root.resolve("logs");
    }

    /**
     * Creates a directory below the root (and the root) owner-only if it is missing.
     *
     * @param dir the directory
     * @return the directory
     */
    public Path ensure(Path dir) {
        try {
            for (Path p : new Path[] {root, dir}) {
                if (!Files.isDirectory(p)) {
                    Files.createDirectories(p);
                    restrict(p, DIR_PERMS);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /**
     * Writes a secret file owner-only, refusing to replace an existing one (secrets are created once).
     *
     * @param file the file
     * @param content its content
     */
    public static void writeSecret(Path file, byte[] content) {
        try {
            Files.createFile(file);
            restrict(file, FILE_PERMS);
            Files.write(file, content);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("refusing to overwrite the existing secret " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void restrict(Path p, Set<PosixFilePermission> perms) throws IOException {
        if (Files.getFileStore(p).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(p, perms);
        }
    }
}
