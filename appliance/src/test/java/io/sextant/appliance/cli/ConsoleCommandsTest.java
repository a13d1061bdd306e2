package io.sextant.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.appliance.platform.DataDir;
import io.sextant.appliance.platform.Database;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sextant users} and {@code sextant audit} against a real H2 file, server stopped. */
class ConsoleCommandsTest {

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    private Run run(String stdin, String... args) {
        InputStream saved = System.in;
        try {
            if (stdin != null) {
                System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            }
            CommandLine cl = SextantCommand.commandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            String[] full = new String[args.length + 2];
            full[0] = "--data-dir";
            full[1] = dir.toString();
            System.arraycopy(args, 0, full, 2, args.length);
            return new Run(cl.execute(full), out.toString(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void usersAreManagedAndEveryChangeIsAuditedInAnIntactChain() {
        Run add = run("a long enough password\n", "users", "add", "alice", "--role", "analyst",
                "--clearance", "level=TS;sci=TK,SI;country=usa", "--password-stdin");
        assertThat(add.status()).as(add.err()).isZero();
        assertThat(add.out()).contains("created alice (analyst, level=TS;sci=SI,TK;country=USA)")
                .doesNotContain("one-time password").doesNotContain("a long enough password");

        Run generated = run(null, "users", "add", "bob", "--role", "reviewer", "--clearance", "level=S;country=USA");
        assertThat(generated.out()).containsPattern("one-time password: [A-Za-z0-9]{20}");

        assertThat(run(null, "users", "add", "alice", "--role", "analyst", "--clearance", "level=U;country=USA").err())
                .contains("already exists");
        Run bad = run(null, "users", "add", "carl", "--role", "analyst", "--clearance", "level=TS;sci=S I");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("invalid clearance at position");
        assertThat(run(null, "users", "add", "carl", "--role", "boss", "--clearance", "level=U;country=USA").err())
                .contains("unknown role 'boss'");

        assertThat(run(null, "users", "set-clearance", "bob", "level=TS;sap=BLUEBIRD;country=USA").out())
                .contains("bob: level=TS;sap=BLUEBIRD;country=USA");
        assertThat(run(null, "users", "lock", "bob").status()).isZero();
        assertThat(run(null, "users", "list").out()).containsPattern("bob\\s+reviewer\\s+locked\\s+level=TS;sap=BLUEBIRD;country=USA")
                .containsPattern("alice\\s+analyst\\s+active");
        assertThat(run(null, "users", "unlock", "bob").status()).isZero();

        Run token = run(null, "users", "token", "alice");
        assertThat(token.out()).containsPattern("token id: [0-9a-f]{16}").containsPattern("sxt_[0-9a-f]{16}_\\S{43}");
        String tokenId = token.out().lines().filter(l -> l.startsWith("token id: ")).findFirst().orElseThrow()
                .substring("token id: ".length()).strip();
        assertThat(run(null, "users", "revoke-token", tokenId).out()).contains("revoked 1 token(s)");
        assertThat(run(null, "users", "revoke-token", tokenId).status()).isEqualTo(1);
        run(null, "users", "token", "alice");
        run(null, "users", "token", "alice");
        assertThat(run(null, "users", "revoke-token", "alice").out()).contains("revoked 2 token(s)");

        Run verify = run(null, "audit", "verify");
        assertThat(verify.status()).as(verify.err()).isZero();
        assertThat(verify.out()).containsPattern("audit chain intact: 1[0-9] rows, head [0-9a-f]{64}");
        Run tail = run(null, "audit", "tail", "-n", "3");
        assertThat(tail.out().lines().count()).isEqualTo(3);
        String all = run(null, "audit", "tail", "-n", "100").out();
        assertThat(all).contains("USER_CREATED").contains("CLEARANCE_SET").contains("ACCOUNT_LOCKED")
                .contains("TOKEN_ISSUED").contains("TOKEN_REVOKED").contains("actor=cli:")
                .doesNotContain("a long enough password").doesNotContain("sxt_");
    }

    @Test
    void auditVerifyNamesTheFirstTamperedRowAndFails() throws Exception {
        for (String name : new String[] {"u1", "u2", "u3"}) {
            assertThat(run(null, "users", "add", name, "--role", "analyst", "--clearance", "level=U;country=USA").status())
                    .isZero();
        }
        try (Database db = Database.open(new DataDir(dir));
             Connection c = db.connection();
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_log_append_only");
            s.execute("UPDATE audit_log SET detail = 'role=ADMIN;clearance=level=TS' WHERE seq = 2");
        }
        Run verify = run(null, "audit", "verify");
        assertThat(verify.status()).isEqualTo(1);
        assertThat(verify.err()).contains("audit chain BROKEN at row 2");
    }
}
