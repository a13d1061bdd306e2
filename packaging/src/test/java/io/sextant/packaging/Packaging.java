package io.sextant.packaging;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the build handed to the packaging tests (system properties set by the pom), and the checks that decide
 * whether they can run: without rpmbuild or root they skip loudly on a developer's machine and fail on CI.
 */
final class Packaging {

    private Packaging() {
    }

    /**
     * A build property.
     *
     * @param name the property's name without the {@code sextant.} prefix
     * @return its value
     */
    static String property(String name) {
        String value = System.getProperty("sextant." + name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property sextant." + name + " is not set; run through Maven");
        }
        return value;
    }

    /** @return the Maven version, e.g. 0.1.0-SNAPSHOT (what {@code sextant --version} prints) */
    static String projectVersion() {
        return property("project.version");
    }

    /** @return the RPM version: the Maven version without -SNAPSHOT */
    static String rpmVersion() {
        return projectVersion().replaceFirst("-SNAPSHOT$", "").replace('-', '~');
    }

    /** @return sextant, or sextant-cuda for the GPU build */
    static String packageName() {
        return "cuda".equals(property("rpm.variant")) ? "sextant-cuda" : "sextant";
    }

    /**
     * The RPM file that the build made, for a release.
     *
     * @param outDir where it was written
     * @param release the release
     * @return its path
     */
    static Path rpmFile(Path outDir, String release) {
        return outDir.resolve(packageName() + "-" + rpmVersion() + "-" + release + ".x86_64.rpm");
    }

    /**
     * The RPM of this build ({@code -Drpm.release}), after making sure the tools exist and the file was built.
     *
     * @return its path
     */
    static Path builtRpm() {
        requireRpmTools();
        Path rpm = rpmFile(Path.of(property("rpm.out")), property("rpm.release"));
        if (!Files.isRegularFile(rpm)) {
            fail("the build did not produce " + rpm + " (see build-rpm's output above the tests)");
        }
        return rpm;
    }

    /** Skips (locally) or fails (CI=true) when rpm or rpmbuild is missing. */
    static void requireRpmTools() {
        for (String tool : new String[] {"rpm", "rpmbuild"}) {
            if (Command.run("sh", "-c", "command -v " + tool).exit() != 0) {
                unavailable(tool + " is not installed (Debian: apt-get install -y rpm)");
            }
        }
    }

    /** Skips (locally) or fails (CI=true) unless the tests run as root: rpm --root chroots to run scriptlets. */
    static void requireRoot() {
        if (!"0".equals(Command.run("id", "-u").stdout().strip())) {
            unavailable("installing into a scratch root needs root (rpm chroots into it to run the scriptlets)");
        }
    }

    private static void unavailable(String why) {
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true and " + why + "; .ci/run installs the packages in .ci/packages as root");
        }
        String banner = "*".repeat(100);
        System.err.println(banner + "\nSKIPPING the RPM tests: " + why + "\n" + banner);
        abort("SKIPPED: " + why);
    }

    /**
     * Builds another release of the RPM from the same class path and runtime, as the Maven build does.
     *
     * @param release the release number
     * @param files the static files to package (normally src/main/rpm/root; a test may pass a changed copy)
     * @param outDir where to write the RPM
     * @return the RPM file
     */
    static Path buildRelease(String release, Path files, Path outDir) {
        Command.run("bash", property("scripts.dir") + "/build-rpm",
                "--version", projectVersion(), "--release", release, "--variant", property("rpm.variant"),
                "--java-home", property("java.home"), "--modules", property("jlink.modules"),
                "--lib", property("rpm.lib"), "--classpath", property("rpm.classpath"), "--rpm-src", property("rpm.src"), "--files", files.toString(),
                "--docs", property("readme"), "--docs", property("docs.dir"),
                "--work", property("rpm.work"), "--out", outDir.toString()).ok();
        return rpmFile(outDir, release);
    }
}
