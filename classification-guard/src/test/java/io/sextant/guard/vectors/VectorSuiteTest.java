package io.sextant.guard.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.marking.MarkingParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorSuiteTest {

    private static List<VectorSuite.Vector> read(String tsv) throws IOException {
        return VectorSuite.read(new BufferedReader(new StringReader(tsv)));
    }

    @Test
    void eachKindIsJudgedBySection10() throws IOException {
        List<VectorSuite.Vector> cases = read("""
                case_id\tkind\tinput\texpected
                P1\tparse_portion\t(s//noforn)\t(S//NF)
                P2\tparse_banner\tTS//NF\tTOP SECRET//NOFORN
                R1\trollup\t(S//REL TO USA, GBR) ; (C//REL TO USA, GBR, AUS)\tSECRET//REL TO USA, GBR
                R2\trollup\t(S) ; (S//BOGUS)\tERROR: unknown token
                A1\taccess\t(S//REL TO USA, GBR) | level=S;sci=;country=GBR\tALLOW
                A2\taccess\t(S//REL TO USA, GBR) | level=S;sci=;country=GBR;action=release\tALLOW
                A3\taccess\t(S//OC/REL TO USA, GBR) | level=S;sci=;country=GBR;action=release\tDENY
                I1\tinvalid\t(S//FOUO)\tERROR: FOUO only valid with UNCLASSIFIED
                I2\tparse_portion\t(S//REL TO USA)\tERROR: REL TO needs another code
                """);
        VectorSuite.Report r = new VectorSuite(MarkingParser.defaultParser()).run(cases);
        assertThat(r.failures()).extracting(VectorSuite::describe).isEmpty();
        assertThat(r.passed()).isEqualTo(9);
    }

    @Test
    void wrongExpectationsFailWithWhatTheGuardGot() throws IOException {
        List<VectorSuite.Vector> cases = read("""
                F1\tparse_portion\t(S//NF)\t(S//NOFORN)
                F2\tinvalid\t(S//NF)\tERROR: should have been rejected
                F3\taccess\t(S//NF) | level=S;country=GBR\tALLOW
                F4\trollup\t(S//NF) ; (U)\tSECRET
                F5\tmystery\tx\ty
                F6\tonly-two-columns
                """);
        VectorSuite.Report r = new VectorSuite(MarkingParser.defaultParser()).run(cases);
        assertThat(r.failed()).isEqualTo(6);
        assertThat(r.outcomes().get(0).got()).isEqualTo("(S//NF)");
        assertThat(r.outcomes().get(1).got()).isEqualTo("(S//NF)");
        assertThat(r.outcomes().get(2).got()).startsWith("DENY: ");
        assertThat(r.outcomes().get(3).got()).isEqualTo("SECRET//NOFORN");
        assertThat(r.outcomes().get(4).got()).contains("unknown vector kind");
        assertThat(r.outcomes().get(5).got()).contains("malformed");
        assertThat(VectorSuite.describe(r.outcomes().get(0)))
                .isEqualTo("F1\tinput: (S//NF)\texpected: (S//NOFORN)\tgot: (S//NF)");
    }

    @Test
    void aClearanceErrorInAnAccessCaseIsAFailureNotACrash() throws IOException {
        VectorSuite.Report r = new VectorSuite(MarkingParser.defaultParser())
                .run(read("X\taccess\t(U) | level=Z;country=USA\tALLOW\n"));
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.outcomes().get(0).got()).startsWith("ERROR: level must be");
    }
}
