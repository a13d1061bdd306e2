package io.sextant.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Install, upgrade, downgrade and erase in a scratch root that looks like a booted systemd machine (see
 * {@link ScratchRoot#instrumented}): the scriptlets create the account, stop and restart a running service around an
 * upgrade, disable it on erase, and the site's configuration edits and data survive every step.
 */
class RpmLifecycleIT {

    private static final String YML = "/etc/sextant/sextant.yml";
    private static final String ENV = "/etc/sextant/sextant.env";
    private static final String DATA = "/var/lib/sextant/db/sextant.mv.db";
    private static final String LOG = "/var/log/sextant/sextant.log";

    private static Path release1;

    @BeforeAll
    static void requirements() {
        release1 = Packaging.builtRpm();
        Packaging.requireRoot();
    }

    @Test
    void upgradesKeepEditsAndDataRestartARunningServiceAndEraseKeepsState(@TempDir Path tmp) throws IOException {
        ScratchRoot root = ScratchRoot.instrumented(Files.createDirectory(tmp.resolve("root")));
        String name = Packaging.packageName();

        // Install: the account is created before the files land, so the data directory belongs to it.
        Command install = root.rpm("-i", "--nodeps", release1.toString()).ok();
        assertThat(root.calls()).as(install.describe("made these calls"))
                .contains("groupadd -r sextant",
                        "useradd -r -g sextant -d /var/lib/sextant -M -s /sbin/nologin -c Sextant appliance sextant",
                        "systemctl daemon-reload", "systemctl preset sextant.service")
                .noneMatch(c -> c.contains("start") || c.contains("stop"));
        assertThat(Files.getAttribute(root.path("/var/lib/sextant"), "unix:uid")).isEqualTo(990);
        assertThat(Files.getAttribute(root.path("/var/lib/sextant"), "unix:gid")).isEqualTo(990);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.path("/var/lib/sextant"))))
                .isEqualTo("rwxr-x---");
        assertThat(Files.getAttribute(root.path(YML), "unix:gid")).isEqualTo(990);
        assertThat(Files.isExecutable(root.path("/usr/bin/sextant"))).isTrue();
        Command fresh = root.rpm("-V", "--nodeps", name);
        assertThat(fresh.stdout()).as(fresh.describe("reports") + "\nevery installed file, mode and owner as packaged")
                .isEmpty();

        // The site edits its configuration, and the running server has data and logs.
        root.append(YML, "# site edit: keystore\n");
        root.append(ENV, "SEXTANT_JAVA_OPTS=-Xmx2g\n");
        String siteYml = root.read(YML);
        String siteEnv = root.read(ENV);
        root.write(DATA, "h2 database bytes");
        root.write(LOG, "a log line\n");
        root.serviceActive(true);
        root.clearCalls();

        // Release 2 ships a changed sextant.env and the same sextant.yml.
        Path files = tmp.resolve("files");
        Command.run("cp", "-a", Packaging.property("rpm.src") + "/root", files.toString()).ok();
        Path env2 = files.resolve("etc/sextant/sextant.env");
        Files.writeString(env2, Files.readString(env2) + "# a default added in release 2\n");
        Path release2 = Packaging.buildRelease("2", files, tmp.resolve("rpm2"));

        Command upgrade = root.rpm("-U", "--nodeps", release2.toString()).ok();
        List<String> calls = root.calls();
        assertThat(calls).as(upgrade.describe("made these calls"))
                .containsSubsequence("systemctl is-active --quiet sextant.service", "systemctl stop sextant.service",
                        "systemctl start sextant.service")
                .noneMatch(c -> c.startsWith("useradd") || c.startsWith("groupadd") || c.contains("disable"));
        assertThat(root.serviceActive()).as("the service runs again after the upgrade").isTrue();
        assertThat(root.path("/var/lib/rpm-state/sextant.restart")).doesNotExist();
        assertThat(root.rpm("-q", name).ok().stdout().strip()).isEqualTo(name + "-" + Packaging.rpmVersion() + "-2.x86_64");
        assertThat(root.read(YML)).as("edited sextant.yml, unchanged in the package").isEqualTo(siteYml);
        assertThat(root.path(YML + ".rpmnew")).as("sextant.yml did not change in the package").doesNotExist();
        assertThat(root.read(ENV)).as("edited sextant.env, changed in the package").isEqualTo(siteEnv);
        assertThat(root.read(ENV + ".rpmnew")).contains("# a default added in release 2");
        assertThat(root.read(DATA)).isEqualTo("h2 database bytes");
        assertThat(root.read(LOG)).isEqualTo("a log line\n");
        Command verify = root.rpm("-V", "--nodeps", name);
        assertThat(verify.lines()).as(verify.describe("reports")
                + "\nrpm -V: only the two edited configuration files differ from the package")
                .hasSize(2).allMatch(l -> l.matches("S\\.5\\.{4}[.T]\\.  c /etc/sextant/sextant\\.(yml|env)"));

        // A stopped service stays stopped across a package change (here back to release 1).
        root.serviceActive(false);
        root.clearCalls();
        root.rpm("-U", "--oldpackage", "--nodeps", release1.toString()).ok();
        assertThat(root.calls()).contains("systemctl is-active --quiet sextant.service")
                .noneMatch(c -> c.contains("start") || c.contains("stop"));
        assertThat(root.serviceActive()).isFalse();

        // Erase: the service is disabled; data, logs, the account and the edited configuration stay.
        root.serviceActive(true);
        root.clearCalls();
        Command erase = root.rpm("-e", "--nodeps", name).ok();
        assertThat(root.calls()).as(erase.describe("made these calls"))
                .contains("systemctl --no-reload disable --now sextant.service")
                .noneMatch(c -> c.contains("userdel") || c.contains("groupdel"));
        assertThat(root.serviceActive()).isFalse();
        assertThat(root.rpm("-q", name).exit()).isNotZero();
        assertThat(root.read(DATA)).isEqualTo("h2 database bytes");
        assertThat(root.read(LOG)).isEqualTo("a log line\n");
        assertThat(root.read(YML + ".rpmsave")).isEqualTo(siteYml);
        assertThat(root.read(ENV + ".rpmsave")).isEqualTo(siteEnv);
        assertThat(root.read("/etc/passwd")).contains("sextant:x:990:990:");
        assertThat(root.path("/usr/bin/sextant")).doesNotExist();
        assertThat(root.path("/usr/lib/sextant")).doesNotExist();
    }

    @Test
    void scriptletsLeaveSystemctlAloneWhereSystemdIsNotRunning(@TempDir Path tmp) throws IOException {
        ScratchRoot root = ScratchRoot.instrumented(Files.createDirectory(tmp.resolve("chroot")));
        root.systemdNotRunning();
        root.rpm("-i", "--nodeps", release1.toString()).ok();
        root.rpm("-U", "--replacepkgs", "--nodeps", release1.toString()).ok();
        root.rpm("-e", "--nodeps", Packaging.packageName()).ok();
        assertThat(root.calls()).as("calls in a chroot without a running systemd")
                .contains("groupadd -r sextant").noneMatch(c -> c.startsWith("systemctl"));
    }
}
