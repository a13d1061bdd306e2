package io.sextant.guard.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.marking.Profile;
import io.sextant.guard.marking.Vocabulary;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BannerCheckTest {

    private final MarkingParser parser = MarkingParser.defaultParser();
    private final Rollup rollup = new Rollup(Profile.IC, Vocabulary.defaults());

    private List<String> check(String banner, boolean compilation, String... portions) {
        List<Marking> ps = Arrays.stream(portions).map(p -> parser.parsePortion(p).marking()).toList();
        return BannerCheck.problems(parser.parseBanner(banner).marking(), ps, rollup, compilation);
    }

    @Test
    void theRolledUpBannerPasses() {
        assertThat(check("TOP SECRET//SI//ORCON/NOFORN", false, "(TS//SI//OC/NF)", "(S//REL TO USA, GBR)")).isEmpty();
    }

    @Test
    void aBannerBelowItsPortionsOrMissingControlsFails() {
        assertThat(check("SECRET//NOFORN", false, "(TS//SI//OC/NF)"))
                .anyMatch(p -> p.contains("below the highest portion level"))
                .anyMatch(p -> p.contains("SCI control SI"))
                .anyMatch(p -> p.contains("ORCON"));
    }

    @Test
    void aHigherBannerNeedsACompilationReason() {
        assertThat(check("TOP SECRET", false, "(S)")).anyMatch(p -> p.contains("compilation"));
        assertThat(check("TOP SECRET", true, "(S)")).isEmpty();
    }

    @Test
    void bannerRelToMustBeTheCommonSet() {
        assertThat(check("SECRET//REL TO USA, GBR, AUS", false, "(S//REL TO USA, GBR)", "(S//REL TO USA, GBR, AUS)"))
                .anyMatch(p -> p.contains("REL TO must equal"));
        assertThat(check("SECRET//REL TO USA, GBR", false, "(S//REL TO USA, GBR)", "(S)"))
                .anyMatch(p -> p.contains("REL TO must equal"));
        assertThat(check("SECRET", false, "(S//NF)")).anyMatch(p -> p.contains("NOFORN"));
    }
}
