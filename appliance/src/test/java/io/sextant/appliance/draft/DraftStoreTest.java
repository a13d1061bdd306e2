package io.sextant.appliance.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.appliance.platform.DataDir;
import io.sextant.appliance.platform.Database;
import io.sextant.guard.output.MarkedParagraph;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts in a real H2 file database: round trip, per-user visibility, section updates, acceptance, reopening. */
class DraftStoreTest {

    @TempDir
    Path dir;

    Database db;
    DraftStore store;

    @BeforeEach
    void open() {
        db = Database.open(new DataDir(dir));
        store = DraftStore.open(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void savedDraftLoadsBackEqualWithEveryMarkingIntact() {
        Draft draft = withTopSecretSection(DraftFixtures.secretDraft().draft());
        store.save(draft);
        assertThat(store.load(DraftFixtures.USER, draft.id())).contains(draft);
    }

    @Test
    void draftSurvivesClosingAndReopeningTheDatabase() {
        Draft draft = DraftFixtures.secretDraft().draft();
        store.save(draft);
        db.close();
        db = Database.open(new DataDir(dir));
        store = DraftStore.open(db.dataSource());
        assertThat(store.load(DraftFixtures.USER, draft.id())).contains(draft);
    }

    @Test
    void migratesWithItsOwnHistoryTableBesideTheAppliancesTables() throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\", \"description\", \"success\""
                        + " FROM \"flyway_draft_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("baseline, since other modules' tables came first").isEqualTo("0");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("1");
            assertThat(rs.getString(2)).isEqualTo("drafts");
            assertThat(rs.getBoolean(3)).isTrue();
            assertThat(rs.next()).isFalse();
        }
        try (Connection c = db.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"flyway_appliance_history\"")) {
            rs.next();
            assertThat(rs.getInt(1)).isPositive();
        }
        DraftStore again = DraftStore.open(db.dataSource());
        assertThat(again.list("nobody")).isEmpty();
    }

    @Test
    void draftsAreVisibleOnlyToTheirUserAndListedNewestFirst() {
        Draft older = DraftFixtures.secretDraft().draft();
        Draft newer = new Draft("d-2", "brief", "Second topic", DraftScope.EVERYTHING, DraftFixtures.USER,
                older.created().plusSeconds(60), older.sections()).accepted();
        Draft others = new Draft("d-3", "pir", "Other user's topic", DraftScope.EVERYTHING, "someone.else",
                Instant.parse("2026-11-28T10:00:00Z"), older.sections());
        store.save(older);
        store.save(newer);
        store.save(others);

        assertThat(store.list(DraftFixtures.USER)).containsExactly(
                new DraftSummary("d-2", "brief", "Second topic", newer.created(), DraftSection.State.ACCEPTED),
                new DraftSummary("d-1", "sitrep", older.topic(), older.created(), DraftSection.State.DRAFT));
        assertThat(store.load("someone.else", "d-1")).isEmpty();
        assertThat(store.load(DraftFixtures.USER, "d-3")).isEmpty();
        assertThat(store.updateSection("someone.else", "d-1", 0, older.sections().get(0))).isEmpty();
        assertThat(store.accept("someone.else", "d-1")).isEmpty();
        assertThat(store.load(DraftFixtures.USER, "d-1").orElseThrow().state()).isEqualTo(DraftSection.State.DRAFT);
    }

    @Test
    void updatingASectionReplacesItsContentAndReturnsItToDraft() {
        Draft draft = DraftFixtures.secretDraft().draft();
        store.save(draft);
        store.accept(DraftFixtures.USER, draft.id());
        DraftSection edited = new DraftSection("Situation", List.of(new MarkedParagraph(DraftFixtures.m("(U)"),
                "Port activity was moderate [2].", List.of("p-c"))),
                List.of(DraftFixtures.cite(2, DraftFixtures.C, "p. 9")), DraftSection.State.ACCEPTED);

        Draft updated = store.updateSection(DraftFixtures.USER, draft.id(), 0, edited).orElseThrow();

        assertThat(updated.sections().get(0).body()).isEqualTo(edited.body());
        assertThat(updated.sections().get(0).state()).isEqualTo(DraftSection.State.DRAFT);
        assertThat(updated.sections().get(1).state()).isEqualTo(DraftSection.State.ACCEPTED);
        assertThat(updated.state()).isEqualTo(DraftSection.State.DRAFT);
        assertThat(store.load(DraftFixtures.USER, draft.id())).contains(updated);
    }

    @Test
    void acceptingMarksEverySectionAccepted() {
        Draft draft = DraftFixtures.secretDraft().draft();
        store.save(draft);
        Draft accepted = store.accept(DraftFixtures.USER, draft.id()).orElseThrow();
        assertThat(accepted.state()).isEqualTo(DraftSection.State.ACCEPTED);
        assertThat(store.load(DraftFixtures.USER, draft.id())).contains(accepted);
        assertThat(store.list(DraftFixtures.USER)).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(DraftSection.State.ACCEPTED));
    }

    @Test
    void rejectsADuplicateIdOrAMissingSectionWithoutChangingTheStoredDraft() {
        Draft draft = DraftFixtures.secretDraft().draft();
        store.save(draft);
        assertThatThrownBy(() -> store.save(draft)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exists already");
        DraftSection section = DraftSection.draft("Situation", List.of(), List.of());
        assertThatThrownBy(() -> store.updateSection(DraftFixtures.USER, draft.id(), 7, section))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(store.load(DraftFixtures.USER, draft.id())).contains(draft);
    }

    @Test
    void eachSectionNumbersItsCitationsButNotTwiceWithinOneSection() {
        Draft draft = DraftFixtures.secretDraft().draft();
        assertThat(draft.sections().get(0).citations().get(0).passageId()).isEqualTo("p-a");
        assertThat(draft.sections().get(1).citations().get(0).passageId()).isEqualTo("p-b");
        store.save(draft);
        assertThat(store.load(DraftFixtures.USER, draft.id())).contains(draft);
        assertThatThrownBy(() -> DraftSection.draft("Situation", List.of(), List.of(
                DraftFixtures.cite(1, DraftFixtures.A, ""), DraftFixtures.cite(1, DraftFixtures.C, ""))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cites [1] twice");
    }

    /** Adds a section whose paragraph and citation carry SCI, FGI and REL TO, the hardest markings to round-trip. */
    private static Draft withTopSecretSection(Draft d) {
        MarkedParagraph p = new MarkedParagraph(DraftFixtures.m("(TS//SI-G ABCD//OC/NF)"), "Intercepts show it.",
                List.of("p-t"));
        MarkedParagraph q = new MarkedParagraph(DraftFixtures.m("(//DEU S//REL TO USA, DEU)"), "A partner saw it.",
                List.of("p-t", "p-a"));
        Citation c = new Citation(4, "p-t", "doc-t", "Intercept summary", "annex B",
                DraftFixtures.m("(TS//SI-G ABCD//OC/NF)"));
        List<DraftSection> sections = new java.util.ArrayList<>(d.sections());
        sections.add(DraftSection.draft("Annex", List.of(p, q), List.of(c)));
        return new Draft(d.id(), d.templateId(), d.topic(), d.scope(), d.user(), d.created(), sections);
    }
}
