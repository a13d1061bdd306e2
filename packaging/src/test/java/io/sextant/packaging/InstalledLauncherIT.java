package io.sextant.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The RPM installed into a bare scratch root (a shell and nothing else: no useradd, no systemd), and the installed
 * {@code /usr/bin/sextant} run from there: it must find the bundled runtime, the configuration and the data directory
 * of its own root, whatever Java the caller has.
 */
class InstalledLauncherIT {

    private static Path tmp;
    private static ScratchRoot root;
    private static Command install;

    @BeforeAll
    static void installIntoABareRoot() throws IOException {
        Path rpm = Packaging.builtRpm();
        Packaging.requireRoot();
        tmp = Files.createTempDirectory("sextant-bare-root");
        root = ScratchRoot.bare(tmp);
        install = root.rpm("-i", "--nodeps", rpm.toString());
    }

    @AfterAll
    static void removeRoot() {
        if (tmp != null) {
            Command.run("rm", "-rf", tmp.toString());
        }
    }

    /** Runs the installed launcher with a minimal environment: no JAVA_HOME, no java on the PATH. */
    private static Command sextant(Map<String, String> env, String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = root.path("/usr/bin/sextant").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        return Command.run(env, true, cmd);
    }

    @Test
    void scriptletsTolerateARootWithoutAccountToolsOrSystemd() {
        assertThat(install.exit()).as(install.describe("exited with " + install.exit())).isZero();
        assertThat(install.stdout() + install.stderr()).contains("useradd not found");
        assertThat(root.rpm("-q", Packaging.packageName()).exit()).isZero();
    }

    @Test
    void printsTheVersionOnTheBundledRuntime() {
        Command version = sextant(Map.of("JAVA_HOME", "/nonexistent"), "--version").ok();
        assertThat(version.stdout().strip()).isEqualTo("sextant " + Packaging.projectVersion());

        Command settings = sextant(Map.of("SEXTANT_JAVA_OPTS", "-XshowSettings:properties"), "--version").ok();
        assertThat(settings.stderr()).contains("java.home = " + root.path("/usr/lib/sextant/runtime"))
                .contains("java.awt.headless = true")
                .contains("micronaut.config.files = " + root.path("/etc/sextant/sextant.yml"));
    }

    @Test
    void resolvesPathsInsideItsOwnRootAndReadsSextantEnv() {
        Command traced = sextant(Map.of("SEXTANT_LAUNCHER_TRACE", "1"), "--version").ok();
        assertThat(traced.stderr())
                .contains("java=" + root.path("/usr/lib/sextant/runtime/bin/java"))
                .contains("SEXTANT_DATA_DIR=" + root.path("/var/lib/sextant"))
                .contains("SEXTANT_CONFIG=" + root.path("/etc/sextant/sextant.yml"))
                .contains("SEXTANT_LOG_DIR=" + root.path("/var/log/sextant"))
                .as("JVM options from /etc/sextant/sextant.env").contains("-XX:MaxRAMPercentage=25");

        String classPath = traced.stderr().lines().filter(l -> l.startsWith("sextant: class path="))
                .findFirst().orElseThrow().substring("sextant: class path=".length());
        assertThat(classPath.split(":")).as("every packaged jar, the appliance first")
                .hasSize(jarCount())
                .allMatch(e -> e.startsWith(root.path("/usr/lib/sextant/lib/").toString()) && e.endsWith(".jar"));
        assertThat(classPath).startsWith(root.path("/usr/lib/sextant/lib/sextant-appliance-").toString());

        Command overridden = sextant(Map.of("SEXTANT_LAUNCHER_TRACE", "1", "SEXTANT_DATA_DIR", "/srv/sextant",
                "SEXTANT_JAVA_OPTS", "-Xmx64m"), "--version").ok();
        assertThat(overridden.stderr()).contains("SEXTANT_DATA_DIR=/srv/sextant").contains("-Xmx64m")
                .doesNotContain("MaxRAMPercentage");
    }

    @Test
    void rootRunsCommandsAsTheDataDirectorysOwner() throws IOException {
        // A data directory owned by an unprivileged account, as /var/lib/sextant is owned by sextant.
        Path data = Files.createDirectories(tmp.resolve("owned-data"));
        Command.run("chown", "nobody", data.toString()).ok();
        Command.run("chmod", "0755", tmp.toString()).ok();
        Map<String, String> env = Map.of("SEXTANT_DATA_DIR", data.toString(),
                "SEXTANT_JAVA_OPTS", "-XshowSettings:properties");

        Command switched = sextant(env, "--version").ok();
        assertThat(switched.stdout().strip()).isEqualTo("sextant " + Packaging.projectVersion());
        assertThat(switched.stderr()).contains("user.name = nobody");

        Map<String, String> asRoot = new HashMap<>(env);
        asRoot.put("SEXTANT_AS_ROOT", "1");
        assertThat(sextant(asRoot, "--version").ok().stderr()).contains("user.name = root");
    }

    @Test
    void givesSearchingCommandsTheVectorModuleLikeTheSourceLauncher() {
        assertThat(sextant(Map.of("SEXTANT_LAUNCHER_TRACE", "1"), "--version").ok().stderr())
                .doesNotContain("jdk.incubator.vector");
        Command serve = sextant(Map.of("SEXTANT_LAUNCHER_TRACE", "1", "SEXTANT_JAVA_OPTS", "--list-modules"), "serve");
        assertThat(serve.stderr()).contains("--add-modules jdk.incubator.vector");
        assertThat(serve.stdout()).as("the bundled runtime has the modules Lucene's SIMD needs")
                .contains("jdk.incubator.vector", "jdk.management");
    }

    @Test
    void checksThePublicMarkingVectorsThroughTheInstalledLauncher() throws IOException {
        Path vectors = Path.of(System.getProperty("sextant.shared.dir", "../shared"), "markings",
                "vectors-public.tsv");
        assumeTrue(Files.isRegularFile(vectors), "SKIPPED: " + vectors + " is absent (../shared not beside the checkout)");
        assumeTrue(hasMarkingsCommand(), "SKIPPED: this build's appliance has no `markings` command yet");
        Command check = sextant(Map.of(), "markings", "check", vectors.toAbsolutePath().toString());
        assertThat(check.exit()).as(check.describe("exited with " + check.exit())).isZero();
        assertThat(check.lines()).last().asString().matches("\\d+ passed, 0 failed");
    }

    @Test
    void theUnitPassesSystemdVerificationAndKeepsItsHardening() throws IOException {
        assumeTrue(Command.run("sh", "-c", "command -v systemd-analyze").exit() == 0,
                "SKIPPED: systemd-analyze is not installed (Debian package systemd); the unit is not verified");
        // verify resolves the unit's dependencies (multi-user.target...) inside the root: give it the host's targets.
        Command.run("sh", "-c", "cp -n /usr/lib/systemd/system/*.target \"$1\"/usr/lib/systemd/system/", "copy",
                root.dir().toString()).ok();
        Command verify = Command.run("systemd-analyze", "verify", "--root=" + root.dir(), "sextant.service");
        assertThat(verify.exit()).as(verify.describe("exited with " + verify.exit())).isZero();
        assertThat(verify.stdout() + verify.stderr()).as("warnings about the unit").doesNotContain("sextant.service:");

        Command security = Command.run("systemd-analyze", "security", "--offline=true", "--root=" + root.dir(),
                "sextant.service").ok();
        String report = security.stdout();
        Matcher level = Pattern
                .compile("Overall exposure level for sextant.service: ([0-9.]+)").matcher(report);
        assertThat(level.find()).as(report).isTrue();
        System.out.println("systemd-analyze security: exposure " + level.group(1) + " (0 = locked down, 10 = exposed)");
        // sextant-cuda turns PrivateDevices off so that the service sees the GPUs (3.5 then).
        double limit = "cuda".equals(Packaging.property("rpm.variant")) ? 4.0 : 3.5;
        assertThat(Double.parseDouble(level.group(1))).as(report).isLessThanOrEqualTo(limit);
        for (String kept : List.of("NoNewPrivileges=", "ProtectSystem=", "ProtectHome=", "PrivateTmp=",
                "RestrictSUIDSGID=", "ProtectKernelModules=")) {
            assertThat(report.lines().filter(l -> l.contains(kept)))
                    .as(kept).isNotEmpty().allMatch(l -> l.startsWith("✓"));
        }
    }

    private static int jarCount() {
        try (var jars = Files.newDirectoryStream(root.path("/usr/lib/sextant/lib"), "*.jar")) {
            int n = 0;
            for (Path ignored : jars) {
                n++;
            }
            return n;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean hasMarkingsCommand() throws IOException {
        try (var jars = Files.newDirectoryStream(root.path("/usr/lib/sextant/lib"), "sextant-appliance-*.jar")) {
            for (Path jar : jars) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    return zip.getEntry("io/sextant/appliance/cli/MarkingsCommand.class") != null;
                }
            }
        }
        return false;
    }
}
