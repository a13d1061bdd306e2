package io.sextant.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A directory that rpm installs into with {@code --root}, standing in for a target machine. rpm chroots into it to
 * run the scriptlets, so it holds a shell (dash as /bin/sh, with its libraries).
 *
 * <p>A <em>bare</em> root has nothing else: no useradd, no systemctl, no systemd, as in an image being prepared; the
 * scriptlets must still succeed there. An <em>instrumented</em> root looks like a booted systemd machine: it has
 * /dev/null, /run/systemd/system, rm and mkdir, and small stand-ins for getent, groupadd, useradd and systemctl that keep real
 * /etc/passwd and /etc/group files and a service state, and record every call, so that tests can check what the
 * scriptlets asked of the system.
 */
final class ScratchRoot {

    private static final String CALLS = "/scriptlet-calls.log";
    private static final String STATE = "/service-state";

    private final Path dir;

    private ScratchRoot(Path dir) {
        this.dir = dir;
    }

    /**
     * A root with only a shell.
     *
     * @param dir an empty directory
     * @return the root
     */
    static ScratchRoot bare(Path dir) {
        copyWithLibraries(dir, "/usr/bin/dash", "/bin/sh");
        return new ScratchRoot(dir);
    }

    /**
     * A root that looks like a booted systemd machine, with recording stand-ins for the account and service tools.
     *
     * @param dir an empty directory
     * @return the root
     */
    static ScratchRoot instrumented(Path dir) {
        ScratchRoot root = bare(dir);
        copyWithLibraries(dir, "/usr/bin/rm", "/usr/bin/rm");
        copyWithLibraries(dir, "/usr/bin/mkdir", "/usr/bin/mkdir");
        Command.run("mkdir", "-p", root.path("/dev").toString()).ok();
        Command.run("mknod", "-m", "0666", root.path("/dev/null").toString(), "c", "1", "3").ok();
        root.write("/run/systemd/system/.keep", "");
        root.write("/var/lib/rpm-state/.keep", "");
        root.write("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n");
        root.write("/etc/group", "root:x:0:\n");
        root.write(STATE, "inactive\n");
        root.write(CALLS, "");
        String log = "echo \"${0##*/} $*\" >> " + CALLS + "\n";
        root.tool("/usr/bin/getent", log + """
                while IFS=: read -r name rest; do
                  if [ "$name" = "$2" ]; then echo "$name:$rest"; exit 0; fi
                done < /etc/$1
                exit 2
                """);
        root.tool("/usr/sbin/groupadd", log + "echo \"sextant:x:990:\" >> /etc/group\n");
        root.tool("/usr/sbin/useradd", log
                + "echo \"sextant:x:990:990:Sextant appliance:/var/lib/sextant:/sbin/nologin\" >> /etc/passwd\n");
        root.tool("/usr/bin/systemctl", log + """
                read -r state < %s
                case "$*" in
                  *is-active*) [ "$state" = active ] ;;
                  *disable*--now*) echo inactive > %s ;;
                  stop*) echo inactive > %s ;;
                  start*) echo active > %s ;;
                esac
                """.formatted(STATE, STATE, STATE, STATE));
        return root;
    }

    /**
     * A path inside the root.
     *
     * @param absolute the path as seen on the target machine, e.g. /etc/sextant/sextant.yml
     * @return where it is in this scratch root
     */
    Path path(String absolute) {
        return dir.resolve(absolute.substring(1));
    }

    /** @return the root directory */
    Path dir() {
        return dir;
    }

    /**
     * Runs rpm against this root's own database.
     *
     * @param args rpm's arguments, e.g. -i --nodeps FILE
     * @return the finished command
     */
    Command rpm(String... args) {
        List<String> cmd = new ArrayList<>(List.of("rpm", "--root", dir.toString(), "--dbpath", "/var/lib/rpm"));
        cmd.addAll(List.of(args));
        return Command.run(Map.of(), false, cmd.toArray(String[]::new));
    }

    /** @return the calls the scriptlets made to the stand-in tools, one per line, oldest first */
    List<String> calls() {
        return read(CALLS).lines().toList();
    }

    /** Forgets the recorded calls. */
    void clearCalls() {
        write(CALLS, "");
    }

    /**
     * Sets whether the stand-in systemd reports sextant.service as running.
     *
     * @param active true for active
     */
    void serviceActive(boolean active) {
        write(STATE, active ? "active\n" : "inactive\n");
    }

    /** Makes the root look like a chroot or an image build: systemctl present, but systemd not running. */
    void systemdNotRunning() {
        Command.run("rm", "-rf", path("/run/systemd").toString()).ok();
    }

    /** @return true when the stand-in systemd has sextant.service running */
    boolean serviceActive() {
        return read(STATE).strip().equals("active");
    }

    /**
     * Reads a file inside the root.
     *
     * @param absolute its path on the target machine
     * @return its text
     */
    String read(String absolute) {
        try {
            return Files.readString(path(absolute));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a file inside the root, creating its directories.
     *
     * @param absolute its path on the target machine
     * @param text its text
     */
    void write(String absolute, String text) {
        try {
            Path p = path(absolute);
            Files.createDirectories(p.getParent());
            Files.deleteIfExists(p);
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends to a file inside the root in place, keeping its mode and owner, as an administrator's editor does.
     *
     * @param absolute its path on the target machine
     * @param text the text to add
     */
    void append(String absolute, String text) {
        try {
            Files.writeString(path(absolute), text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void tool(String absolute, String body) {
        write(absolute, "#!/bin/sh\n" + body);
        Command.run("chmod", "0755", path(absolute).toString()).ok();
    }

    /** Copies a host program and the shared libraries ldd names for it into the root. */
    private static void copyWithLibraries(Path dir, String program, String as) {
        String script = """
                set -eu
                R=$1; prog=$2; as=$3
                mkdir -p "$R$(dirname "$as")"; cp -L "$prog" "$R$as"
                for lib in $(ldd "$prog" | grep -o '/[^ ]*'); do
                  mkdir -p "$R$(dirname "$lib")"; cp -L "$lib" "$R$lib"
                done
                """;
        Command.run("bash", "-c", script, "copy", dir.toString(), program, as).ok();
    }
}
