package io.sextant.appliance.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {

    private static final Pattern LABEL = Pattern.compile("\\[(PER|ORG|LOC|EQP|DATE) ([^\\]]+)\\]");
    private static final Map<String, EntityType> TYPES = Map.of("PER", EntityType.PERSON, "ORG",
            EntityType.ORGANIZATION, "LOC", EntityType.PLACE, "EQP", EntityType.EQUIPMENT, "DATE", EntityType.DATE);

    private final EntityExtractor extractor = new EntityExtractor();

    /** Exact-span scores: a found mention counts only with the gold type, start and end. */
    record Score(int truePositives, int found, int gold, List<String> errors) {
        double precision() {
            return found == 0 ? 0 : (double) truePositives / found;
        }

        double recall() {
            return gold == 0 ? 0 : (double) truePositives / gold;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "P=%.2f R=%.2f F1=%.2f (tp=%d found=%d gold=%d)", precision(), recall(),
                    f1(), truePositives, found, gold);
        }
    }

    static Score score(EntityExtractor extractor, String resource) throws IOException {
        String all;
        try (InputStream in = EntityExtractorTest.class.getResourceAsStream("/entities/" + resource)) {
            all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int tp = 0;
        int found = 0;
        int gold = 0;
        List<String> errors = new ArrayList<>();
        for (String line : all.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            Set<String> expected = new HashSet<>();
            Matcher m = LABEL.matcher(line);
            int last = 0;
            while (m.find()) {
                text.append(line, last, m.start());
                int start = text.length();
                text.append(m.group(2));
                expected.add(TYPES.get(m.group(1)) + "|" + start + "|" + text.length() + "|" + m.group(2));
                last = m.end();
            }
            text.append(line.substring(last));
            Set<String> actual = new HashSet<>();
            for (Mention x : extractor.extract(text.toString())) {
                actual.add(x.type() + "|" + x.start() + "|" + x.end() + "|" + x.surface());
            }
            gold += expected.size();
            found += actual.size();
            for (String a : actual) {
                if (expected.contains(a)) {
                    tp++;
                } else {
                    errors.add("spurious " + a);
                }
            }
            expected.stream().filter(e -> !actual.contains(e)).forEach(e -> errors.add("missed " + e));
        }
        return new Score(tp, found, gold, errors);
    }

    @Test
    void finds_each_kind_with_offsets_into_the_text() {
        String text = "General Ivan Petrov moved the 11th Guards Brigade and T-72 tanks near Belgorod on 12 March 2025"
                + " (DTG 120830ZMAR25).";
        List<Mention> ms = extractor.extract(text);
        assertThat(ms).extracting(Mention::type, Mention::name).contains(
                org.assertj.core.groups.Tuple.tuple(EntityType.PERSON, "Ivan Petrov"),
                org.assertj.core.groups.Tuple.tuple(EntityType.ORGANIZATION, "11th Guards Brigade"),
                org.assertj.core.groups.Tuple.tuple(EntityType.EQUIPMENT, "T-72"),
                org.assertj.core.groups.Tuple.tuple(EntityType.EQUIPMENT, "tank"),
                org.assertj.core.groups.Tuple.tuple(EntityType.PLACE, "Belgorod"),
                org.assertj.core.groups.Tuple.tuple(EntityType.DATE, "2025-03-12"),
                org.assertj.core.groups.Tuple.tuple(EntityType.DATE, "120830ZMAR25"));
        for (Mention m : ms) {
            assertThat(text.substring(m.start(), m.end())).isEqualTo(m.surface());
        }
    }

    @Test
    void a_surname_after_the_full_name_is_the_same_person() {
        List<Mention> ms = extractor.extract("Colonel Anna Kovalenko arrived. Kovalenko said nothing.");
        assertThat(ms).filteredOn(m -> m.type() == EntityType.PERSON).extracting(Mention::name)
                .containsExactly("Anna Kovalenko", "Anna Kovalenko");
    }

    @Test
    void marking_lines_and_months_are_not_entities() {
        List<Mention> ms = extractor.extract("SECRET//NOFORN\n\n(U) Weather in March was clear.\n\nSECRET//NOFORN");
        assertThat(ms).isEmpty();
    }

    @Test
    void dev_and_held_out_precision_and_recall() throws IOException {
        Score dev = score(extractor, "dev.txt");
        Score heldOut = score(extractor, "heldout.txt");
        System.out.println("entities dev:      " + dev);
        System.out.println("entities held-out: " + heldOut);
        dev.errors().forEach(e -> System.out.println("  dev " + e));
        heldOut.errors().forEach(e -> System.out.println("  held-out " + e));
        String passage = "(S//NF) A convoy of forty trucks of the 11th Guards Brigade moved north along Route 7 toward"
                + " Belgorod on 12 March 2025; General Ivan Petrov said T-72 tanks and Su-25 aircraft would follow.";
        for (int i = 0; i < 2_000; i++) {
            extractor.extract(passage);
        }
        long t0 = System.nanoTime();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            extractor.extract(passage);
        }
        System.out.printf(Locale.ROOT, "entities throughput: %.0f passages/s (%d chars each)%n",
                n / ((System.nanoTime() - t0) / 1e9), passage.length());
        assertThat(dev.precision()).isGreaterThanOrEqualTo(0.85);
        assertThat(dev.recall()).isGreaterThanOrEqualTo(0.85);
        assertThat(heldOut.precision()).isGreaterThanOrEqualTo(0.6);
        assertThat(heldOut.recall()).isGreaterThanOrEqualTo(0.6);
    }
}
