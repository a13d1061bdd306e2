package io.sextant.appliance.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundled templates, site overrides and additions, and invalid site files reported with the file and the reason. */
class TemplateLibraryTest {

    @TempDir
    Path dir;

    @Test
    void bundledTemplatesLoadWithoutProblems() {
        TemplateLibrary lib = TemplateLibrary.bundled();
        assertThat(lib.problems()).isEmpty();
        assertThat(lib.templates()).extracting(DraftTemplate::id).containsExactly("sitrep", "intsum", "pir", "brief");
        assertThat(lib.origin("pir")).contains(TemplateLibrary.BUNDLED_ORIGIN);
        for (DraftTemplate t : lib.templates()) {
            assertThat(t.description()).isNotBlank();
            for (TemplateSection s : t.sections()) {
                if (s.passages() > 0) {
                    assertThat(s.queryPattern()).as(t.id() + " / " + s.heading()).contains(TemplateSection.TOPIC);
                }
            }
        }
    }

    @Test
    void sitrepHasTheStandardSectionsAndPirCoversIndicatorsSirsAndLtiov() {
        TemplateLibrary lib = TemplateLibrary.bundled();
        assertThat(lib.find("sitrep").orElseThrow().sections()).extracting(TemplateSection::heading).containsExactly(
                "Situation", "Threat / adversary activity", "Own / friendly situation", "Assessment",
                "Outlook (next 24–72 hours)", "Sources");
        assertThat(lib.find("pir").orElseThrow().sections()).extracting(TemplateSection::heading).contains(
                "Priority intelligence requirements", "Indicators", "Specific information requirements",
                "Latest time information is of value");
    }

    @Test
    void sectionSubstitutesTheTopicInQueryAndInstructions() {
        TemplateSection s = TemplateLibrary.bundled().find("brief").orElseThrow().sections().get(0);
        assertThat(s.query("  Port X ")).isEqualTo("Port X");
        assertThat(s.instructions("Port X")).contains("about Port X").doesNotContain("{topic}");
    }

    @Test
    void siteFileOverridesTheBundledTemplateWithTheSameId() throws IOException {
        Path file = write("my-sitrep.yml", """
                id: sitrep
                title: Site SITREP
                sections:
                  - heading: Situation
                    query: "{topic} events"
                    instructions: Say what happened.
                    passages: 3
                """);
        TemplateLibrary lib = TemplateLibrary.load(dir);
        assertThat(lib.problems()).isEmpty();
        DraftTemplate t = lib.find("sitrep").orElseThrow();
        assertThat(t.title()).isEqualTo("Site SITREP");
        assertThat(t.sections()).singleElement().satisfies(s -> assertThat(s.passages()).isEqualTo(3));
        assertThat(lib.origin("sitrep")).contains(file.toString());
        assertThat(lib.templates()).extracting(DraftTemplate::id).containsExactly("sitrep", "intsum", "pir", "brief");
    }

    @Test
    void siteJsonFileWithTabsAddsATemplateNamedAfterTheFile() throws IOException {
        write("threat-brief.json", "{\n\t\"title\": \"Threat brief\",\n\t\"sections\": [\n\t\t{\"heading\": \"Threat\","
                + " \"query\": \"{topic} threat\", \"instructions\": \"Describe it.\"}\n\t]\n}\n");
        TemplateLibrary lib = TemplateLibrary.load(dir);
        assertThat(lib.problems()).isEmpty();
        DraftTemplate t = lib.find("threat-brief").orElseThrow();
        assertThat(t.sections().get(0).passages()).as("default passages when a query is given").isEqualTo(5);
        assertThat(lib.templates()).extracting(DraftTemplate::id).endsWith("threat-brief");
    }

    @Test
    void invalidSiteFilesAreReportedWithFileAndReasonAndTheOthersStillLoad() throws IOException {
        write("a-syntax.yml", "id: broken\ntitle: [unclosed\nsections: []\n");
        write("b-unknown-key.yml", """
                title: T
                sections:
                  - heading: H
                    query: "{topic}"
                    instructons: typo
                """);
        write("c-placeholder.yml", """
                title: T
                sections:
                  - heading: H
                    query: "{topc} news"
                    instructions: Do it.
                """);
        write("d-passages.yml", """
                title: T
                sections:
                  - heading: H
                    query: "{topic}"
                    instructions: Do it.
                    passages: 500
                """);
        Files.write(dir.resolve("e-latin1.yml"), "title: Caf\u00e9\nsections: []\n".getBytes(StandardCharsets.ISO_8859_1));
        write("f-empty.yml", "");
        write("g-first.yml", "id: dup\ntitle: One\nsections:\n  - {heading: H, instructions: Write.}\n");
        write("h-second.yml", "id: dup\ntitle: Two\nsections:\n  - {heading: H, instructions: Write.}\n");
        write("i-no-sections.yml", "title: T\nsections: []\n");
        write("notes.txt", "not a template");

        TemplateLibrary lib = TemplateLibrary.load(dir);

        assertThat(lib.problems()).extracting(p -> Path.of(p.file()).getFileName().toString()).containsExactly(
                "a-syntax.yml", "b-unknown-key.yml", "c-placeholder.yml", "d-passages.yml", "e-latin1.yml",
                "f-empty.yml", "h-second.yml", "i-no-sections.yml");
        assertThat(reason(lib, "a-syntax.yml")).contains("not valid YAML at line 3");
        assertThat(reason(lib, "b-unknown-key.yml")).contains("section 1").contains("unknown key(s) [instructons]");
        assertThat(reason(lib, "c-placeholder.yml")).contains("unknown placeholder {topc}");
        assertThat(reason(lib, "d-passages.yml")).contains("passages must be 0 to 50, not 500");
        assertThat(reason(lib, "e-latin1.yml")).contains("not UTF-8");
        assertThat(reason(lib, "f-empty.yml")).contains("empty");
        assertThat(reason(lib, "h-second.yml")).contains("'dup' is already defined by").contains("g-first.yml");
        assertThat(reason(lib, "i-no-sections.yml")).contains("has no sections");
        assertThat(lib.find("dup").orElseThrow().title()).isEqualTo("One");
        assertThat(lib.templates()).extracting(DraftTemplate::id)
                .containsExactly("sitrep", "intsum", "pir", "brief", "dup");
    }

    @Test
    void missingSiteDirectoryMeansBundledOnly() {
        TemplateLibrary lib = TemplateLibrary.load(dir.resolve("absent"));
        assertThat(lib.problems()).isEmpty();
        assertThat(lib.templates()).hasSize(4);
    }

    private static String reason(TemplateLibrary lib, String file) {
        return lib.problems().stream().filter(p -> p.file().endsWith(file)).findFirst().orElseThrow().reason();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
