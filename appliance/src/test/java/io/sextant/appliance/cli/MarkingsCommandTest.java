package io.sextant.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MarkingsCommandTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = SextantCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @TempDir
    Path dir;

    @Test
    void normalizePrintsTheCanonicalPortionAndWarnsAboutRepairs() {
        Run r = run("markings", "normalize", "(s//nf/oc)");
        assertThat(r.status()).isZero();
        assertThat(r.out().strip()).isEqualTo("(S//OC/NF)");
        assertThat(r.err()).contains("warning: reordered dissemination controls");
    }

    @Test
    void normalizePrintsTheCanonicalBanner() {
        Run r = run("markings", "normalize", "TS//SI//NF");
        assertThat(r.status()).isZero();
        assertThat(r.out().strip()).isEqualTo("TOP SECRET//SI//NOFORN");
    }

    @Test
    void normalizeRejectsAnInvalidMarkingWithPositionAndStatus2() {
        Run r = run("markings", "normalize", "(S//NF//SI)");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("category order violated").contains("at position 8");
    }

    @Test
    void rollupPrintsTheBanner() {
        Run r = run("markings", "rollup", "(S//REL TO USA, GBR)", "(C//REL TO USA, AUS)");
        assertThat(r.status()).isZero();
        assertThat(r.out().strip()).isEqualTo("SECRET//NOFORN");
    }

    @Test
    void rollupUnderTheDodProfileDropsFdrInsteadOfAddingNoforn() {
        Run r = run("markings", "rollup", "--profile", "dod", "(S//REL TO USA, GBR)", "(C)");
        assertThat(r.status()).isZero();
        assertThat(r.out().strip()).isEqualTo("SECRET");
    }

    @Test
    void rollupFailsClosedOnAnInvalidPortion() {
        Run r = run("markings", "rollup", "(S//NF)", "(S//ZZTOP)");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("unknown token ZZTOP in portion 2");
    }

    @Test
    void accessPrintsAllowOrDenyWithTheReason() {
        Run allow = run("markings", "access", "(S//REL TO USA, GBR)", "--clearance", "level=S;sci=;country=GBR");
        assertThat(allow.status()).isZero();
        assertThat(allow.out().strip()).isEqualTo("ALLOW");
        Run deny = run("markings", "access", "(TS//SI//NF)", "--clearance", "level=S;sci=SI;country=USA");
        assertThat(deny.status()).isZero();
        assertThat(deny.out().strip()).startsWith("DENY: ").contains("above the clearance");
    }

    @Test
    void accessWithABadClearanceIsAnErrorWithStatus2() {
        Run r = run("markings", "access", "(S)", "--clearance", "level=Q;country=USA");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("level must be");
    }

    @Test
    void accessWithAnInvalidPortionDeniesAndExits2() {
        Run r = run("markings", "access", "(S//FOUO)", "--clearance", "level=TS;country=USA");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).startsWith("DENY");
        assertThat(r.err()).contains("FOUO only valid with UNCLASSIFIED");
    }

    @Test
    void checkReportsEveryFailureAndTheSummary() throws IOException {
        Path tsv = dir.resolve("v.tsv");
        Files.writeString(tsv, """
                case_id\tkind\tinput\texpected
                A1\tparse_portion\t(S//NOFORN)\t(S//NF)
                A2\trollup\t(S) ; (C)\tSECRET
                A3\tinvalid\t(S//S)\tERROR: duplicate classification
                A4\taccess\t(S//NF) | level=S;sci=;country=GBR\tALLOW
                A5\tparse_banner\tSECRET//NF\tSECRET//NF
                """);
        Run r = run("markings", "check", tsv.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("A4\tinput: (S//NF) | level=S;sci=;country=GBR\texpected: ALLOW\tgot: DENY")
                .contains("A5").doesNotContain("A1\t").doesNotContain("A2\t").doesNotContain("A3\t");
        assertThat(r.out().strip()).endsWith("3 passed, 2 failed");
    }

    @Test
    void checkExitsZeroWhenEveryCasePasses() throws IOException {
        Path tsv = dir.resolve("ok.tsv");
        Files.writeString(tsv, "case_id\tkind\tinput\texpected\nB1\tparse_banner\tTS//SI//NF\tTOP SECRET//SI//NOFORN\n");
        Run r = run("markings", "check", tsv.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out().strip()).isEqualTo("1 passed, 0 failed");
    }

    @Test
    void checkOfAMissingFileIsAUsageError() {
        Run r = run("markings", "check", dir.resolve("missing.tsv").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("no such vector file");
    }

    @Test
    void missingArgumentsAreUsageErrors() {
        assertThat(run("markings", "rollup").status()).isEqualTo(2);
        assertThat(run("markings", "access", "(S)").status()).isEqualTo(2);
    }

    @Test
    void helpListsTheSubcommands() {
        Run r = run("markings", "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("check").contains("normalize").contains("rollup").contains("access");
    }
}
