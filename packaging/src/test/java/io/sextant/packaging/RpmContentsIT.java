package io.sextant.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the built RPM holds and declares, read back with {@code rpm -qp}. */
class RpmContentsIT {

    private static Path rpm;
    /** File path to "mode user:group", for every file in the package. */
    private static Map<String, String> files;

    @BeforeAll
    static void readPackage() {
        rpm = Packaging.builtRpm();
        files = new LinkedHashMap<>();
        String format = "[%{FILEMODES:perms} %{FILEUSERNAME}:%{FILEGROUPNAME} %{FILENAMES}\\n]";
        for (String line : query("--qf", format).lines()) {
            String[] f = line.split(" ", 3);
            files.put(f[2], f[0] + " " + f[1]);
        }
    }

    private static Command query(String... args) {
        String[] cmd = Stream.concat(Stream.of("rpm", "-qp"), Stream.concat(Stream.of(args), Stream.of(rpm.toString())))
                .toArray(String[]::new);
        return Command.run(cmd).ok();
    }

    @Test
    void holdsTheWholeApplianceClassPathTheRuntimeTheLauncherTheUnitAndTheDocs() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of(Packaging.property("rpm.lib")))) {
            List<String> expected = jars.map(j -> "/usr/lib/sextant/lib/" + j.getFileName()).toList();
            assertThat(expected).anyMatch(j -> j.matches(".*/sextant-appliance-[^/]+\\.jar"));
            assertThat(files.keySet()).containsAll(expected);
        }
        assertThat(files.keySet()).filteredOn(f -> f.startsWith("/usr/lib/sextant/lib/") && f.endsWith(".jar"))
                .as("jars in the package that are not on the appliance's class path")
                .allMatch(f -> Files.exists(Path.of(Packaging.property("rpm.lib"), f.substring(21))));
        List<String> missing = Stream.of(
                "/usr/bin/sextant", "/usr/bin/sextant-model-bundle",
                "/usr/lib/sextant/runtime/bin/java", "/usr/lib/sextant/runtime/lib/modules",
                "/usr/lib/sextant/runtime/lib/server/classes.jsa",
                "/usr/lib/systemd/system/sextant.service",
                "/etc/sextant/sextant.yml", "/etc/sextant/sextant.env",
                "/etc/systemd/system/sextant.service.d/memory.conf",
                "/var/lib/sextant", "/var/log/sextant",
                "/usr/share/doc/sextant/README.md", "/usr/share/doc/sextant/install.md")
                .filter(f -> !files.containsKey(f)).toList();
        assertThat(missing).as("files missing from the package").isEmpty();
        assertThat(files.keySet()).as("headless runtime: no X11 or sound libraries")
                .noneMatch(f -> f.matches(".*/lib(awt_xawt|jawt|jsound|splashscreen)\\.so"));
        assertThat(files.keySet()).as("the runtime carries no compiler, headers or man pages")
                .noneMatch(f -> f.contains("/runtime/include/") || f.contains("/runtime/man/")
                        || f.endsWith("/bin/javac") || f.endsWith("/bin/jlink"));
    }

    @Test
    void setsModesAndOwnersForTheServiceAccount() {
        assertThat(files).containsEntry("/usr/bin/sextant", "-rwxr-xr-x root:root")
                .containsEntry("/usr/bin/sextant-model-bundle", "-rwxr-xr-x root:root")
                .containsEntry("/usr/lib/sextant/runtime/bin/java", "-rwxr-xr-x root:root")
                .containsEntry("/usr/lib/systemd/system/sextant.service", "-rw-r--r-- root:root")
                .containsEntry("/etc/sextant", "drwxr-x--- root:sextant")
                .containsEntry("/etc/sextant/sextant.yml", "-rw-r----- root:sextant")
                .containsEntry("/etc/sextant/sextant.env", "-rw-r--r-- root:root")
                .containsEntry("/etc/systemd/system/sextant.service.d/memory.conf", "-rw-r--r-- root:root")
                .containsEntry("/var/lib/sextant", "drwxr-x--- sextant:sextant")
                .containsEntry("/var/log/sextant", "drwxr-x--- sextant:sextant");
        files.forEach((file, modeOwner) -> {
            String mode = modeOwner.substring(0, 10);
            if (mode.startsWith("l")) {
                return;
            }
            assertThat(mode.charAt(8)).as("world-writable: " + file).isNotEqualTo('w');
            assertThat(mode).as("setuid or setgid: " + file).doesNotContain("s").doesNotContain("S");
            if (!file.startsWith("/var/") && !file.startsWith("/etc/sextant")) {
                assertThat(modeOwner).as("owner of " + file).endsWith("root:root");
            }
        });
    }

    @Test
    void marksTheConfigurationNoReplace() {
        assertThat(query("-c").lines()).containsExactlyInAnyOrder("/etc/sextant/sextant.yml",
                "/etc/sextant/sextant.env", "/etc/systemd/system/sextant.service.d/memory.conf");
        assertThat(query("--qf", "[%{FILEFLAGS:fflags} %{FILENAMES}\\n]").lines())
                .filteredOn(l -> l.startsWith("c"))
                .allMatch(l -> l.startsWith("cn "), "every config file is %config(noreplace)");
    }

    @Test
    void scriptletsCreateTheAccountGuardSystemctlAndNeverDeleteState() {
        String scripts = query("--scripts").stdout();
        assertThat(scripts).contains("preinstall scriptlet", "postinstall scriptlet", "preuninstall scriptlet",
                "postuninstall scriptlet", "posttrans scriptlet");
        assertThat(scripts).contains("useradd -r -g sextant -d /var/lib/sextant -M -s /sbin/nologin");
        assertThat(scripts).doesNotContain("userdel", "groupdel");
        assertThat(scripts.lines()).noneMatch(l -> l.matches(".*\\brm\\b.*(/var/lib/sextant|/var/log/sextant|/etc/sextant).*"));
        assertThat(scripts.lines()).filteredOn(l -> l.contains("systemctl ") && !l.strip().startsWith("#"))
                .allMatch(l -> l.contains("|| ") || l.contains("command -v systemctl") || l.contains("if systemctl is-active"),
                        "every systemctl call tolerates failure");
        assertThat(scripts).contains("[ -d /run/systemd/system ] && command -v systemctl");
    }

    @Test
    void needsNoNewerCOrCppLibraryThanRhel9Has() {
        // RHEL 9: glibc 2.34; libstdc++ of GCC 11 (GLIBCXX_3.4.29, CXXABI_1.3.13).
        for (String r : query("--requires").lines()) {
            Matcher m = Pattern.compile("\\((GLIBC|GLIBCXX|CXXABI)_([0-9.]+)\\)").matcher(r);
            if (m.find()) {
                String limit = switch (m.group(1)) {
                    case "GLIBC" -> "2.34";
                    case "GLIBCXX" -> "3.4.29";
                    default -> "1.3.13";
                };
                assertThat(compareVersions(m.group(2), limit)).as(r + " is newer than RHEL 9 provides").isLessThanOrEqualTo(0);
            }
        }
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Test
    void declaresItsLibrariesAndTesseractAsAWeakDependency() {
        List<String> requires = query("--requires").lines();
        assertThat(requires).contains("libc.so.6()(64bit)", "shadow-utils", "systemd", "bash", "util-linux");
        assertThat(requires).as("nothing the bundled runtime carries itself, no system Java, no X11 or ALSA")
                .noneMatch(r -> r.matches("lib(jvm|java|jli|net|nio|zip|awt|jimage)\\.so.*"))
                .noneMatch(r -> r.matches("(java|jre|jdk).*"))
                .noneMatch(r -> r.matches("lib(X|asound).*"));
        assertThat(query("--recommends").lines()).contains("tesseract");
        assertThat(query("--provides").lines()).as("the runtime's libraries are not offered to other packages")
                .noneMatch(p -> p.contains(".so"));
        assertThat(query("--qf", "%{NAME} %{ARCH} %{PAYLOADCOMPRESSOR}").stdout())
                .isEqualTo(Packaging.packageName() + " x86_64 zstd");
        if ("cuda".equals(Packaging.property("rpm.variant"))) {
            assertThat(requires).contains("libcudart.so.12()(64bit)", "libcublas.so.12()(64bit)");
            assertThat(files).containsKey("/usr/lib/systemd/system/sextant.service.d/50-cuda.conf");
        }
    }
}
