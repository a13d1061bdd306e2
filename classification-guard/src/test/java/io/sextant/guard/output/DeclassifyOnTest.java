package io.sextant.guard.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeclassifyOnTest {

    private static final LocalDate SOURCE = LocalDate.of(2015, 3, 1);

    private static DeclassifyOn p(String s) {
        return DeclassifyOn.parse(s, SOURCE);
    }

    @Test
    void parsesEveryFormOfTheHierarchy() {
        assertThat(p("20391231").kind()).isEqualTo(DeclassifyOn.Kind.DATE);
        assertThat(p("Completion of operation X").kind()).isEqualTo(DeclassifyOn.Kind.EVENT);
        assertThat(p("Completion of operation X").text()).isEqualTo("Completion of operation X");
        assertThat(p("25X1, 20641231").text()).isEqualTo("25X1, 20641231");
        assertThat(p("25X3, end of the program").kind()).isEqualTo(DeclassifyOn.Kind.EXEMPT_25X);
        assertThat(p("25X3, end of the program").text()).isEqualTo("25X3, end of the program");
        assertThat(p("50X6, 20851231").kind()).isEqualTo(DeclassifyOn.Kind.EXEMPT_50X);
        assertThat(p("75X2, 21001231").kind()).isEqualTo(DeclassifyOn.Kind.EXEMPT_75X);
        assertThat(p("25X1, EO 12951").kind()).isEqualTo(DeclassifyOn.Kind.EXEMPT_25X1_EO12951);
        assertThat(p("50X1-HUM").text()).isEqualTo("50X1-HUM");
        assertThat(p("50x2-wmd").text()).isEqualTo("50X2-WMD");
        assertThat(p("N/A to RD/FRD/TFNI/NATO portions. See source list for NSI portions.").kind())
                .isEqualTo(DeclassifyOn.Kind.NOT_APPLICABLE);
        assertThat(p("Declassify On: 20301231").date()).isEqualTo(LocalDate.of(2030, 12, 31));
    }

    @Test
    void a25xWithoutDateProtectsFiftyYearsFromTheSourceDate() {
        DeclassifyOn d = p("25X4");
        assertThat(d.kind()).isEqualTo(DeclassifyOn.Kind.EXEMPT_25X_COMPUTED);
        assertThat(d.text()).isEqualTo("25X4, 20650301");
    }

    @Test
    void retiredValuesAreConverted() {
        assertThat(p("OADR").text()).isEqualTo("20400301");
        assertThat(p("OADR").convertedFrom()).isEqualTo("OADR");
        assertThat(p("X1").kind()).isEqualTo(DeclassifyOn.Kind.COMPUTED);
        assertThat(p("MR").kind()).isEqualTo(DeclassifyOn.Kind.COMPUTED);
        assertThat(p("25X1-human").text()).isEqualTo("50X1-HUM");
        assertThat(p("25X1-human").convertedFrom()).isEqualTo("25X1-HUMAN");
    }

    @Test
    void rejectsWhatCannotBeComputed() {
        assertThatThrownBy(() -> DeclassifyOn.parse("OADR", null)).hasMessageContaining("source date");
        assertThatThrownBy(() -> p("50X1")).hasMessageContaining("date or an event");
        assertThatThrownBy(() -> p("20391399")).hasMessageContaining("YYYYMMDD");
        assertThatThrownBy(() -> p("  ")).hasMessageContaining("empty");
    }

    @Test
    void mostProtectiveFollowsTheHierarchyWhateverTheOrder() {
        List<DeclassifyOn> ladder = List.of(DeclassifyOn.computed(SOURCE), p("end of exercise"), p("20391231"),
                p("25X4"), p("25X1, 20701231"), p("25X1, EO 12951"), p("50X6, 20751231"), p("75X2, 21001231"),
                p("50X1-HUM"), DeclassifyOn.notApplicable());
        for (int i = 1; i < ladder.size(); i++) {
            assertThat(ladder.get(i).moreProtectiveThan(ladder.get(i - 1))).as(ladder.get(i) + " > "
                    + ladder.get(i - 1)).isTrue();
        }
        Random r = new Random(5);
        for (int k = 0; k < 20; k++) {
            List<DeclassifyOn> shuffled = new ArrayList<>(ladder);
            Collections.shuffle(shuffled, r);
            int n = 1 + r.nextInt(shuffled.size());
            List<DeclassifyOn> some = shuffled.subList(0, n);
            DeclassifyOn best = DeclassifyOn.mostProtective(some);
            assertThat(ladder.indexOf(best)).isEqualTo(some.stream().mapToInt(ladder::indexOf).max().orElseThrow());
        }
    }

    @Test
    void laterDateIsMoreProtectiveWithinAKind() {
        assertThat(p("20401231").moreProtectiveThan(p("20391231"))).isTrue();
        assertThat(DeclassifyOn.mostProtective(List.of(p("20301231"), p("20401231"), p("20351231"))).text())
                .isEqualTo("20401231");
    }
}
