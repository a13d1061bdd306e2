package io.sextant.appliance.search;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.sextant.appliance.audit.AuditEvent;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.Outcome;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.Evidence;
import io.sextant.appliance.grounding.Analyst;
import io.sextant.guard.access.AccessDecision;
import io.sextant.guard.access.AccessPolicy;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.rollup.Rollup;
import io.sextant.retrieval.index.Fields;
import io.sextant.retrieval.search.Hit;
import io.sextant.retrieval.search.Mode;
import io.sextant.retrieval.search.SearchRequest;
import io.sextant.retrieval.search.SearchResult;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Searches and opens documents for one caller. The caller's clearance filters inside the index query (so counts and
 * facets never include a hidden passage), every hit is re-checked by the guard, and the banner is the roll-up of
 * exactly what is shown. Searches are audited with the markings shown and the query's length, never its text.
 */
@Singleton
public final class SearchService {

    /** The answer for an unknown document and for one the caller may see nothing of: the same exception. */
    private static final String NOT_FOUND = "Not Found";

    private static final Map<String, String> FACET_NAMES = Map.of(Fields.COLLECTION, "collection",
            Fields.DOC_TYPE, "type", Fields.LANGUAGE, "language", Fields.SOURCE, "source");

    private final Corpus corpus;
    private final AuditLog audit;
    private final MarkingParser parser;
    private final Rollup rollup;

    /**
     * @param corpus the corpus
     * @param audit  the audit log
     */
    public SearchService(Corpus corpus, AuditLog audit) {
        this.corpus = corpus;
        this.audit = audit;
        this.parser = corpus.parser();
        this.rollup = new Rollup(parser.profile(), parser.vocabulary());
    }

    /**
     * Runs a search and audits it.
     *
     * @param analyst who asks
     * @param query   what (must have text)
     * @param remote  the client address, for the audit row
     * @return hits, visible total, facets and banner
     */
    public SearchOutcome search(Analyst analyst, SearchQuery query, String remote) {
        if (!query.hasText()) {
            throw new BadSearchException("q is required");
        }
        SearchResult r = corpus.search(new SearchRequest(query.text(), analyst.clearance(), query.offset() + query.k(),
                Mode.HYBRID, query.filter(), true, true));
        List<SearchHit> hits = new ArrayList<>();
        List<Marking> shown = new ArrayList<>();
        List<Hit> ranked = r.hits();
        for (int i = query.offset(); i < ranked.size(); i++) {
            Hit h = ranked.get(i);
            Marking m = visibleMarking(analyst, h.portionMark());
            if (m == null) {
                continue;
            }
            shown.add(m);
            hits.add(new SearchHit(h.passageId(), h.documentId(), h.title(), h.text(), mark(h.snippet()),
                    h.portionMark(), h.page(), section(h.headingPath()), h.score(),
                    SearchHit.link(h.documentId(), h.passageId())));
        }
        String banner = banner(shown);
        audit.append(new AuditEvent(AuditEventType.SEARCH, Outcome.OK, analyst.username(), null,
                "query_chars=" + query.text().length() + " hits=" + hits.size() + " total=" + r.totalVisible()
                        + (query.filtered() ? " filtered" : ""),
                hits.isEmpty() ? null : banner, remote));
        return new SearchOutcome(query.text(), banner, r.totalVisible(), query.offset(), List.copyOf(hits),
                facets(r.facets()));
    }

    /**
     * A document trimmed to what the caller may see.
     *
     * @param analyst    who asks
     * @param documentId the document
     * @param cited      the passage to open at, or null
     * @return the visible passages and their banner
     * @throws HttpStatusException 404, identical for an unknown document and one with no visible passage
     */
    public DocumentView document(Analyst analyst, String documentId, String cited) {
        List<Evidence> passages = documentId == null || documentId.isBlank() || documentId.length() > 64
                ? List.of() : corpus.documentPassages(analyst.clearance(), documentId);
        List<DocumentView.PassageView> views = new ArrayList<>();
        List<Marking> shown = new ArrayList<>();
        for (Evidence e : passages) {
            Marking m = visibleMarking(analyst, e.portionMark());
            if (m == null) {
                continue;
            }
            shown.add(m);
            views.add(new DocumentView.PassageView(e.passageId(), e.ordinal(), e.text(), e.portionMark(), e.page(),
                    section(e.headingPath()), e.passageId().equals(cited)));
        }
        if (views.isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, NOT_FOUND);
        }
        Evidence first = passages.get(0);
        return new DocumentView(documentId, first.title().isBlank() ? "document " + documentId : first.title(),
                first.collection() == null ? "" : first.collection(), first.date(), banner(shown), List.copyOf(views));
    }

    /**
     * @param markings the markings shown on one page or response
     * @return their banner line; {@code UNCLASSIFIED} when nothing is shown
     */
    String banner(List<Marking> markings) {
        return markings.isEmpty() ? "UNCLASSIFIED" : MarkingFormatter.banner(rollup.rollup(markings));
    }

    private Marking visibleMarking(Analyst analyst, String portionMark) {
        try {
            Marking m = parser.parsePortion(portionMark).marking();
            return AccessPolicy.decide(analyst.clearance(), m) instanceof AccessDecision.Allow ? m : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, Map<String, Long>> facets(Map<String, Map<String, Long>> raw) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (String field : List.of(Fields.COLLECTION, Fields.DOC_TYPE, Fields.LANGUAGE, Fields.SOURCE)) {
            Map<String, Long> values = new TreeMap<>();
            raw.getOrDefault(field, Map.of()).forEach((v, n) -> {
                if (v != null && !v.isBlank() && n > 0) {
                    values.put(v, n);
                }
            });
            out.put(FACET_NAMES.get(field), values);
        }
        return out;
    }

    /** The retrieval snippet is escaped with matches in {@code <b>}; the UI marks them with {@code <mark>}. */
    private static String mark(String snippet) {
        return snippet == null ? "" : snippet.replace("<b>", "<mark>").replace("</b>", "</mark>");
    }

    private static String section(List<String> headings) {
        return headings == null || headings.isEmpty() ? null : String.join(" > ", headings);
    }
}
