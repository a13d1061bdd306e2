package io.sextant.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signing procedure of docs/install.md, run for real: a site key signs a copy of the unsigned build output with
 * rpmsign, a host imports the public key into its rpm database and {@code rpm -K} accepts the package, while it
 * refuses a package whose key it lacks and one altered after signing.
 */
class RpmSigningIT {

    private static final String KEY = "Sextant Test Signing <signing@sextant.invalid>";

    @Test
    void aSiteSignsTheRpmAndHostsVerifyIt(@TempDir Path tmp) throws IOException {
        Path built = Packaging.builtRpm();
        assumeTrue(Command.run("sh", "-c", "command -v rpmsign && command -v gpg").exit() == 0,
                "SKIPPED: rpmsign or gpg is missing; the signing procedure is not checked");
        assertThat(Command.run("rpm", "-K", built.toString()).ok().stdout()).as("the build output is unsigned")
                .contains("digests OK").doesNotContain("signatures");

        Path gnupg = Files.createDirectory(tmp.resolve("gnupg"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Map<String, String> env = Map.of("GNUPGHOME", gnupg.toString());
        try {
            signAndVerify(tmp, built, env);
        } finally {
            Command.run(env, false, "gpgconf", "--kill", "all");
        }
    }

    private static void signAndVerify(Path tmp, Path built, Map<String, String> env) throws IOException {
        Command.run(env, false, "gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "",
                "--quick-generate-key", KEY, "rsa3072", "sign", "1d").ok();
        Path publicKey = tmp.resolve("RPM-GPG-KEY-sextant-test");
        Files.writeString(publicKey, Command.run(env, false, "gpg", "--export", "--armor", KEY).ok().stdout());

        Path signed = Files.copy(built, tmp.resolve(built.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        String gpg = Command.run("sh", "-c", "command -v gpg2 || command -v gpg").ok().stdout().strip();
        Command.run(env, false, "rpmsign", "--addsign", "--define", "_gpg_name " + KEY, "--define", "__gpg " + gpg,
                signed.toString()).ok();
        assertThat(Command.run("rpm", "-qp", "--qf", "%{RSAHEADER:pgpsig}", signed.toString()).ok().stdout())
                .as("RHEL 9's crypto policy refuses SHA-1 signatures").matches("RSA/SHA(256|384|512), .*");

        ScratchRoot host = ScratchRoot.bare(Files.createDirectory(tmp.resolve("host")));
        Command unknown = host.rpm("-K", signed.toString());
        assertThat(unknown.exit()).as(unknown.describe("accepted a key it does not have")).isNotZero();
        assertThat(unknown.stdout()).contains("SIGNATURES NOT OK");

        host.rpm("--import", publicKey.toString()).ok();
        assertThat(host.rpm("-K", signed.toString()).ok().stdout()).endsWith("digests signatures OK\n");

        Path altered = Files.copy(signed, tmp.resolve("altered.rpm"));
        try (RandomAccessFile f = new RandomAccessFile(altered.toFile(), "rw")) {
            long at = f.length() / 2;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x01);
        }
        Command tampered = host.rpm("-K", altered.toString());
        assertThat(tampered.exit()).as(tampered.describe("accepted an altered package")).isNotZero();
        assertThat(tampered.stdout()).contains("NOT OK");
    }
}
