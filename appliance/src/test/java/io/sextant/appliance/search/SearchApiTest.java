package io.sextant.appliance.search;

import static io.sextant.appliance.search.SearchFixture.json;
import static io.sextant.appliance.search.SearchFixture.search;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.AuditRecord;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.testing.WebClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/search} against a real appliance holding a marked corpus. */
class SearchApiTest {

    @TempDir
    static Path dir;

    static SearchFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = SearchFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void usSecretAnalystFindsTheNofornPassageWithItsPortionMarkAndBanner() {
        JsonNode r = search(f.us, "q=Guards+Brigade+convoy");
        JsonNode hit = null;
        for (JsonNode h : r.get("hits")) {
            if (h.get("text").asText().contains(MarkedCorpus.HIDDEN_FACT)) {
                hit = h;
            }
        }
        assertThat(hit).as("hit with the hidden fact in %s", r).isNotNull();
        assertThat(hit.get("marking").asText()).isEqualTo("(S//NF)");
        assertThat(hit.get("title").asText()).isEqualTo("convoy-report.txt");
        assertThat(hit.get("snippet").asText()).contains("<mark>Guards</mark>").contains("<mark>Brigade</mark>");
        String doc = hit.get("documentId").asText();
        String passage = hit.get("passageId").asText();
        assertThat(hit.get("link").asText())
                .isEqualTo("/documents/" + doc + "?passage=" + passage + "#passage-" + passage);
        assertThat(r.get("marking").asText()).isEqualTo("SECRET//NOFORN");
        assertThat(r.get("query").asText()).isEqualTo("Guards Brigade convoy");
        assertThat(r.get("total").asLong()).isGreaterThanOrEqualTo(r.get("hits").size());
        assertThat(r.get("facets").get("collection").get("ops").asLong()).isPositive();
    }

    @Test
    void britishAnalystGetsNoHitCountFacetOrSnippetOfNofornPassages() {
        for (String q : List.of("q=Guards+Brigade+trucks", "q=Kestrel+staging", "q=convoy", "q=fuel+trucks+deployment")) {
            WebClient.Response raw = f.gbr.get("/api/search?" + q + "&k=50");
            assertThat(raw.status()).isEqualTo(200);
            JsonNode r = json(raw);
            String shown = r.get("hits").toString() + r.get("facets") + r.get("total") + r.get("marking");
            for (String secret : List.of("Guards", "Brigade", "Kestrel", "trucks", "(S//NF)", "NOFORN", "SECRET")) {
                assertThat(shown).as(q).doesNotContain(secret);
            }
            assertThat(r.get("marking").asText()).isEqualTo("UNCLASSIFIED");
            for (JsonNode h : r.get("hits")) {
                assertThat(h.get("marking").asText()).isEqualTo("(U)");
            }
            // Three passages are visible to this analyst: the total can never exceed them.
            assertThat(r.get("total").asLong()).isLessThanOrEqualTo(4);
        }
        // A term only hidden passages contain counts exactly like a term no passage contains.
        JsonNode hidden = search(f.gbr, "q=Brigade");
        JsonNode absent = search(f.gbr, "q=Zyxwvutsrq");
        assertThat(hidden.get("total")).isEqualTo(absent.get("total"));
        assertThat(hidden.get("facets")).isEqualTo(absent.get("facets"));
        assertThat(hidden.get("facets").get("collection").size()).isZero();
        assertThat(ids(hidden)).containsExactlyInAnyOrderElementsOf(ids(absent));
        // The US analyst does count it.
        assertThat(search(f.us, "q=Brigade").get("facets").get("collection").get("ops").asLong()).isEqualTo(1);
    }

    @Test
    void facetsCountVisibleMatchesAndFiltersNarrowTheHits() {
        JsonNode all = search(f.us, "q=harbor");
        JsonNode type = all.get("facets").get("type");
        assertThat(type.size()).isPositive();
        String aType = type.fieldNames().next();
        JsonNode byType = search(f.us, "q=harbor&type=" + aType);
        assertThat(byType.get("hits").size()).isPositive();
        assertThat(byType.get("facets").get("type").size()).isEqualTo(1);

        JsonNode ops = search(f.us, "q=harbor&collection=ops");
        assertThat(ids(ops)).isEqualTo(ids(all));
        JsonNode none = search(f.us, "q=harbor&collection=elsewhere");
        assertThat(none.get("hits").size()).isZero();
        assertThat(none.get("total").asLong()).isZero();
        assertThat(none.get("marking").asText()).isEqualTo("UNCLASSIFIED");

        JsonNode paged = search(f.us, "q=harbor&k=1&page=2");
        assertThat(paged.get("hits").size()).isEqualTo(1);
        assertThat(paged.get("offset").asInt()).isEqualTo(1);
        assertThat(paged.get("hits").get(0).get("passageId")).isEqualTo(search(f.us, "q=harbor&k=2")
                .get("hits").get(1).get("passageId"));
    }

    @Test
    void snippetsHighlightMatchesAndEscapeEverythingElse() {
        JsonNode hit = f.usHit("port log");
        String snippet = hit.get("snippet").asText();
        assertThat(hit.get("text").asText()).contains(SearchFixture.MARKUP);
        assertThat(snippet).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&amp;")
                .doesNotContain("<script>");
        assertThat(snippet.replaceAll("</?mark>", "")).doesNotContain("<");
        JsonNode h = search(f.us, "q=harbor+master").get("hits").get(0);
        assertThat(h.get("snippet").asText()).contains("<mark>harbor</mark>").contains("<mark>master</mark>");
    }

    @Test
    void badParametersAreA400NamingTheParameter() {
        record Case(String query, String message) {
        }
        for (Case c : List.of(new Case("k=5", "q is required"), new Case("q=x&k=0", "k must be between 1 and 100"),
                new Case("q=x&k=ten", "k must be a whole number"), new Case("q=x&page=0", "page must be 1 or more"),
                new Case("q=x&offset=995&k=10", "offset"), new Case("q=x&from=2026-13-01", "from must be a date"),
                new Case("q=x&from=2026-02-01&to=2026-01-01", "from must not be after to"))) {
            WebClient.Response r = f.us.get("/api/search?" + c.query());
            assertThat(r.status()).as(c.query()).isEqualTo(400);
            assertThat(json(r).get("message").asText()).as(c.query()).contains(c.message());
            assertThat(r.header("content-type")).contains("application/json");
        }
    }

    @Test
    void unauthenticatedCallsGet401() {
        WebClient anonymous = f.server.client();
        assertThat(anonymous.get("/api/search?q=convoy").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/search?q=convoy").body()).doesNotContain("convoy");
        assertThat(anonymous.get("/api/documents/1/passages").status()).isEqualTo(401);
    }

    @Test
    void scriptsSearchWithABearerToken() {
        var accounts = f.server.bean(io.sextant.appliance.security.Accounts.class);
        String token = f.server.bean(io.sextant.appliance.security.ApiTokens.class)
                .issue(accounts.byName("gbr").orElseThrow(), "test").token();
        WebClient.Response r = f.server.client().get("/api/search?q=Guards+Brigade", "Authorization",
                "Bearer " + token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(json(r).get("hits").toString()).doesNotContain(MarkedCorpus.HIDDEN_FACT).doesNotContain("(S//NF)");
    }

    @Test
    void searchesAreAuditedWithTheMarkingsShownButNotTheQuery() {
        search(f.us, "q=Guards+Brigade+convoy");
        AuditRecord last = f.server.bean(AuditLog.class).tail(1).get(0);
        assertThat(last.event().type()).isEqualTo(AuditEventType.SEARCH);
        assertThat(last.event().actor()).isEqualTo("usa");
        assertThat(last.event().markings()).isEqualTo("SECRET//NOFORN");
        assertThat(last.event().detail()).contains("query_chars=21").doesNotContain("Guards");
    }

    @Test
    void theSearchPageShowsMarkedHighlightedHitsUnderTheirRollUp() {
        WebClient.Response r = f.us.get("/search?q=Guards+Brigade+convoy", "Accept", "text/html");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"hit-1\"").contains("class=\"hit-mark portion-mark\">(S//NF)<")
                .contains("<mark>Brigade</mark>").contains("id=\"banner-top\" role=\"note\">SECRET//NOFORN<")
                .contains("id=\"search-q\"").contains("id=\"search-submit\"").contains("facet-link");
        WebClient.Response empty = f.us.get("/search", "Accept", "text/html");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).doesNotContain("id=\"hit-1\"").contains("role=\"note\">UNCLASSIFIED<");
        WebClient.Response bad = f.us.get("/search?q=x&k=0", "Accept", "text/html");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("k must be between 1 and 100");
    }

    @Test
    void noResultsLooksTheSameWhetherHiddenPassagesMatchOrNothingDoes() {
        String hidden = f.gbr.get("/search?q=Kestrel&collection=elsewhere", "Accept", "text/html").body();
        String absent = f.gbr.get("/search?q=Zyxwvutsrq&collection=elsewhere", "Accept", "text/html").body();
        assertThat(hidden).contains("id=\"no-results\"");
        assertThat(hidden.replace("Kestrel", "Q")).isEqualTo(absent.replace("Zyxwvutsrq", "Q"));
        // Without a collection filter the dense half still ranks what this analyst may see, never the hidden passage.
        String page = f.gbr.get("/search?q=Kestrel+staging+area", "Accept", "text/html").body();
        assertThat(page.replace("value=\"Kestrel staging area\"", "")).doesNotContain("Kestrel")
                .doesNotContain("(S//NF)").contains("role=\"note\">UNCLASSIFIED<");
    }

    private static List<String> ids(JsonNode r) {
        List<String> out = new ArrayList<>();
        r.get("hits").forEach(h -> out.add(h.get("passageId").asText()));
        return out;
    }
}
