package io.sextant.appliance.search;

import static io.sextant.appliance.search.SearchFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.testing.WebClient;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The document a hit or citation opens, trimmed to the passages the caller may see. */
class DocumentPageTest {

    private static final Pattern SECTION = Pattern.compile("<section class=\"passage( cited)?\" id=\"passage-([^\"]+)\"");

    @TempDir
    static Path dir;

    static SearchFixture f;
    static String convoy;
    static String convoyHidden;
    static String convoyVisible;
    static String kestrel;

    @BeforeAll
    static void start() throws Exception {
        f = SearchFixture.start(dir);
        JsonNode hidden = f.usHit(MarkedCorpus.HIDDEN_FACT);
        convoy = hidden.get("documentId").asText();
        convoyHidden = hidden.get("passageId").asText();
        convoyVisible = f.usHit("Weather along Route 7").get("passageId").asText();
        kestrel = f.usHit(SearchFixture.SEALED_FACT).get("documentId").asText();
    }

    @AfterAll
    static void stop() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void opensAtTheCitedPassageWithEveryVisiblePassageInOrder() {
        WebClient.Response r = page(f.us, "/documents/" + convoy + "?passage=" + convoyHidden);
        assertThat(r.status()).isEqualTo(200);
        List<String[]> sections = sections(r.body());
        assertThat(sections).hasSize(3);
        assertThat(sections.get(0)[1]).isEqualTo(convoyHidden);
        assertThat(sections.get(0)[0]).isEqualTo("cited");
        assertThat(sections.get(1)[0]).isEmpty();
        assertThat(r.body()).contains(MarkedCorpus.HIDDEN_FACT).contains("<span class=\"portion-mark\">(S//NF)</span>")
                .contains("id=\"banner-top\" role=\"note\">SECRET//NOFORN<")
                .contains("id=\"banner-bottom\" role=\"note\">SECRET//NOFORN<");
    }

    @Test
    void aForeignAnalystSeesOnlyTheVisiblePassagesUnderTheirOwnBanner() {
        WebClient.Response r = page(f.gbr, "/documents/" + convoy + "?passage=" + convoyVisible);
        assertThat(r.status()).isEqualTo(200);
        List<String[]> sections = sections(r.body());
        assertThat(sections).hasSize(1);
        assertThat(sections.get(0)).containsExactly("cited", convoyVisible);
        assertThat(r.body()).doesNotContain(MarkedCorpus.HIDDEN_FACT).doesNotContain("NOFORN")
                .doesNotContain("SECRET").doesNotContain("(S//NF)").doesNotContain("Fuel")
                .contains("id=\"banner-top\" role=\"note\">UNCLASSIFIED<");
        // Citing a hidden passage of a visible document opens it exactly as citing one that does not exist.
        assertThat(page(f.gbr, "/documents/" + convoy + "?passage=" + convoyHidden).body())
                .isEqualTo(page(f.gbr, "/documents/" + convoy + "?passage=" + convoy + ":999").body());
    }

    @Test
    void aDocumentWithNoVisiblePassageAnswersExactlyLikeOneThatDoesNotExist() {
        WebClient.Response hidden = page(f.gbr, "/documents/" + kestrel);
        WebClient.Response missing = page(f.gbr, "/documents/987654");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(hidden.body()).isEqualTo(missing.body()).doesNotContain("Kestrel");
        assertThat(headers(hidden)).isEqualTo(headers(missing));
        assertThat(page(f.gbr, "/documents/" + kestrel + "?passage=" + kestrel + ":0").body())
                .isEqualTo(missing.body());

        WebClient.Response apiHidden = f.gbr.get("/api/documents/" + kestrel + "/passages");
        WebClient.Response apiMissing = f.gbr.get("/api/documents/987654/passages");
        assertThat(apiHidden.status()).isEqualTo(404);
        assertThat(apiHidden.body()).isEqualTo(apiMissing.body());
        assertThat(headers(apiHidden)).isEqualTo(headers(apiMissing));
        // The US analyst does see it.
        assertThat(page(f.us, "/documents/" + kestrel).body()).contains(SearchFixture.SEALED_FACT);
    }

    @Test
    void theApiListsVisiblePassagesWithTheirRollUp() {
        JsonNode us = json(f.us.get("/api/documents/" + convoy + "/passages"));
        assertThat(us.get("marking").asText()).isEqualTo("SECRET//NOFORN");
        assertThat(us.get("passages")).hasSize(3);
        assertThat(us.get("passages").get(0).get("marking").asText()).isEqualTo("(S//NF)");
        assertThat(us.get("passages").get(1).get("ordinal").asInt()).isEqualTo(1);
        assertThat(us.get("title").asText()).isEqualTo("convoy-report.txt");

        WebClient.Response gbr = f.gbr.get("/api/documents/" + convoy + "/passages");
        assertThat(gbr.body()).doesNotContain("NOFORN").doesNotContain(MarkedCorpus.HIDDEN_FACT);
        JsonNode g = json(gbr);
        assertThat(g.get("marking").asText()).isEqualTo("UNCLASSIFIED");
        assertThat(g.get("passages")).hasSize(1);
        assertThat(g.get("passages").get(0).get("passageId").asText()).isEqualTo(convoyVisible);
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() {
        WebClient.Response r = f.server.client().get("/documents/" + convoy, "Accept", "text/html");
        assertThat(r.status()).isBetween(300, 399);
        assertThat(r.header("location")).isEqualTo("/login");
    }

    private static WebClient.Response page(WebClient c, String path) {
        return c.get(path, "Accept", "text/html");
    }

    /** Every header but the clock's. */
    private static java.util.Map<String, List<String>> headers(WebClient.Response r) {
        java.util.Map<String, List<String>> h = new java.util.TreeMap<>(r.headers());
        h.remove("date");
        return h;
    }

    private static List<String[]> sections(String html) {
        Matcher m = SECTION.matcher(html);
        List<String[]> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(new String[] {m.group(1) == null ? "" : m.group(1).strip(), m.group(2)});
        }
        return out;
    }
}
