package io.sextant.ingest.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * How every Sextant process reaches the one H2 file database of a data directory: {@code <data-dir>/db/sextant} with
 * {@code AUTO_SERVER=TRUE}, so the server and console commands share it, as user {@code sextant} with a random
 * password kept owner-only in {@code <data-dir>/db/credentials}. Whichever process opens the database first creates
 * the password; the AUTO_SERVER port (bound to the loopback interface) is useless without read access to the data
 * directory. {@code WRITE_DELAY=0} makes every commit reach the file before the call returns: H2's default delays the
 * write by half a second, so a {@code kill -9} right after a commit would lose work that was reported committed.
 *
 * @param url      the JDBC URL (it holds no secret)
 * @param user     the database user
 * @param password the database password
 */
public record DatabaseAccess(String url, String user, String password) {

    /** The database user. */
    public static final String USER = "sextant";

    /**
     * Reads (creating on first use) the access details of a data directory's database.
     *
     * @param dataDir the data directory
     * @return url, user and password
     */
    public static DatabaseAccess forDataDir(Path dataDir) {
        bindToLoopback();
        Path dir = dataDir.toAbsolutePath().resolve("db");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return new DatabaseAccess("jdbc:h2:file:" + dir.resolve("sextant") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0", USER,
                password(dir.resolve("credentials")));
    }

    /**
     * The interface H2's AUTO_SERVER listener binds to: loopback only, in every process that opens the database (the
     * server, a console command, an ingest child), unless the operator chose another address explicitly.
     */
    public static final String BIND_ADDRESS = "127.0.0.1";

    private static void bindToLoopback() {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", BIND_ADDRESS);
        }
    }

    private static String password(Path file) {
        try {
            try {
                Files.createFile(file);
                if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
                byte[] raw = new byte[24];
                new SecureRandom().nextBytes(raw);
                String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
                Files.writeString(file, fresh, StandardCharsets.US_ASCII);
                return fresh;
            } catch (FileAlreadyExistsException e) {
                String existing = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (existing.isEmpty()) {
                    throw new IllegalStateException("the database credentials file " + file + " is empty; another "
                            + "process may be creating it, or it was truncated (restore it from backup)");
                }
                return existing;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the database credentials " + file, e);
        }
    }

    @Override
    public String toString() {
        return "DatabaseAccess[" + url + ", user " + user + "]";
    }
}
