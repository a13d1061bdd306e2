package io.sextant.retrieval.search;

import io.sextant.guard.access.AccessDecision;
import io.sextant.guard.access.AccessPolicy;
import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.retrieval.embed.Embedder;
import io.sextant.retrieval.index.Fields;
import io.sextant.retrieval.index.SearcherSource;
import io.sextant.retrieval.security.AccessFilter;
import io.sextant.retrieval.security.ScopedStatistics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Answers searches for one user. The clearance becomes a filter inside both the BM25 and the kNN queries; counts,
 * facets, snippets and "more like this" are computed under the same filter, and BM25 statistics count only the
 * passages the user may see ({@link ScopedStatistics}); every hit is then re-checked by the
 * guard's {@link AccessPolicy} before it leaves, and a hit the guard denies is dropped (and reported as an index
 * labelling fault, without its text).
 */
public final class PassageSearcher {

    private static final System.Logger LOG = System.getLogger(PassageSearcher.class.getName());
    private static final int SNIPPET_CHARS = 240;

    private final SearcherSource index;
    private final Embedder embedder;
    private final FusionSettings settings;
    private final MarkingParser parser;

    /**
     * @param index    the index (live or read-only)
     * @param embedder embeds queries (null: BM25 only)
     * @param settings fusion settings
     * @param parser   reads stored portion marks back for the re-check
     */
    public PassageSearcher(SearcherSource index, Embedder embedder, FusionSettings settings, MarkingParser parser) {
        this.index = index;
        this.embedder = embedder;
        this.settings = settings;
        this.parser = parser;
    }

    /**
     * @param r the request
     * @return hits, visible count and facets, all trimmed to the user's clearance
     * @throws IOException on index read errors
     */
    public SearchResult search(SearchRequest r) throws IOException {
        IndexSearcher s = index.acquire();
        try {
            Query filter = filter(s, r.clearance(), r.filter());
            IndexSearcher scoped = scoped(s, r.clearance());
            Mode mode = r.mode();
            if (mode != Mode.BM25 && embedder == null) {
                throw new IllegalStateException("no embedding model configured: only BM25 searches are possible");
            }
            float[] qv = mode == Mode.BM25 ? null : embedder.embedQuery(r.text());
            List<HybridRanker.Scored> ranked = HybridRanker.rank(scoped, r.text(), qv, filter, mode, r.k(),
                    settings);
            List<Hit> hits = toHits(s, ranked, r.clearance(), r.snippets() ? r.text() : null);
            long total = hits.size();
            Map<String, Map<String, Long>> facets = Map.of();
            if (r.facets()) {
                Query counted = new BooleanQuery.Builder()
                        .add(HybridRanker.lexicalQuery(r.text(), settings), BooleanClause.Occur.MUST)
                        .add(filter, BooleanClause.Occur.FILTER).build();
                FacetCounter.Counts c = scoped.search(counted, new FacetCounter(Fields.FACETS));
                facets = c.facets();
                total = Math.max(total, c.total());
            }
            return new SearchResult(hits, total, facets);
        } finally {
            index.release(s);
        }
    }

    /**
     * Passages like a given one, among those the user may see. An unknown passage and one the user may not see give
     * the same empty answer.
     *
     * @param passageId the passage
     * @param clearance the user
     * @param k         how many
     * @return similar passages (never the source itself)
     * @throws IOException on index read errors
     */
    public SearchResult moreLikeThis(String passageId, Clearance clearance, int k) throws IOException {
        IndexSearcher s = index.acquire();
        try {
            Query filter = filter(s, clearance, MetadataFilter.NONE);
            Query self = new TermQuery(new Term(Fields.ID, passageId));
            TopDocs src = s.search(new BooleanQuery.Builder().add(self, BooleanClause.Occur.MUST)
                    .add(filter, BooleanClause.Occur.FILTER).build(), 1);
            if (src.scoreDocs.length == 0 || toHits(s, List.of(new HybridRanker.Scored(src.scoreDocs[0].doc, 0f)),
                    clearance, null).isEmpty()) {
                return new SearchResult(List.of(), 0, Map.of());
            }
            IndexSearcher scoped = scoped(s, clearance);
            var source = s.storedFields().document(src.scoreDocs[0].doc);
            Query like = likeQuery(scoped, source.get(Fields.TITLE) + "\n" + source.get(Fields.TEXT));
            Query q = new BooleanQuery.Builder().add(like, BooleanClause.Occur.MUST)
                    .add(filter, BooleanClause.Occur.FILTER).add(self, BooleanClause.Occur.MUST_NOT).build();
            List<HybridRanker.Scored> ranked = new ArrayList<>();
            for (var sd : scoped.search(q, k).scoreDocs) {
                ranked.add(new HybridRanker.Scored(sd.doc, sd.score));
            }
            List<Hit> hits = toHits(s, ranked, clearance, null);
            return new SearchResult(hits, hits.size(), Map.of());
        } finally {
            index.release(s);
        }
    }

    /** Terms of a "more like this" query kept: the most distinctive of the source passage. */
    private static final int LIKE_TERMS = 25;

    /**
     * The source passage's most distinctive terms (tf · idf, idf from the user's own statistics, so which terms are
     * chosen never depends on passages the user may not see), as a weighted disjunction over the body field.
     */
    private static Query likeQuery(IndexSearcher scoped, String text) throws IOException {
        Map<String, Integer> tf = new java.util.HashMap<>();
        for (String t : HybridRanker.analyze(text)) {
            tf.merge(t, 1, Integer::sum);
        }
        var collection = scoped.collectionStatistics(Fields.BODY);
        List<Map.Entry<String, Double>> weighted = new ArrayList<>();
        for (var e : tf.entrySet()) {
            // the source passage is visible, so each of its terms has a visible document frequency of at least 1
            var stats = scoped.termStatistics(new Term(Fields.BODY, e.getKey()), 1, 1);
            double n = collection.docCount();
            double idf = Math.log(1 + (n - stats.docFreq() + 0.5) / (stats.docFreq() + 0.5));
            weighted.add(Map.entry(e.getKey(), e.getValue() * idf));
        }
        weighted.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey));
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        double top = weighted.isEmpty() ? 1 : weighted.get(0).getValue();
        for (var e : weighted.subList(0, Math.min(LIKE_TERMS, weighted.size()))) {
            b.add(new org.apache.lucene.search.BoostQuery(new TermQuery(new Term(Fields.BODY, e.getKey())),
                    (float) (e.getValue() / top)), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /**
     * One passage, if the user may see it. An unknown passage and one the user may not see give the same empty
     * answer, so a citation link cannot be used to probe for hidden passages.
     *
     * @param passageId the passage
     * @param clearance the user
     * @return the passage as a hit without a snippet
     * @throws IOException on index read errors
     */
    public java.util.Optional<Hit> passage(String passageId, Clearance clearance) throws IOException {
        List<Hit> hits = lookup(new TermQuery(new Term(Fields.ID, passageId)), clearance, 1);
        return hits.stream().findFirst();
    }

    /**
     * The passages of one document the user may see, in document order: what opens when a citation is clicked.
     * Passages above the user's access are simply absent (no placeholder reveals that they exist).
     *
     * @param documentId the document
     * @param clearance  the user
     * @param max        at most this many
     * @return visible passages ordered by ordinal
     * @throws IOException on index read errors
     */
    public List<Hit> documentPassages(String documentId, Clearance clearance, int max) throws IOException {
        List<Hit> hits = new ArrayList<>(lookup(new TermQuery(new Term(Fields.DOC_ID, documentId)), clearance, max));
        hits.sort(java.util.Comparator.comparingInt(Hit::ordinal));
        return hits;
    }

    private List<Hit> lookup(Query q, Clearance clearance, int max) throws IOException {
        IndexSearcher s = index.acquire();
        try {
            Query filtered = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST)
                    .add(filter(s, clearance, MetadataFilter.NONE), BooleanClause.Occur.FILTER).build();
            List<HybridRanker.Scored> found = new ArrayList<>();
            for (var sd : s.search(filtered, Math.max(1, max)).scoreDocs) {
                found.add(new HybridRanker.Scored(sd.doc, 0f));
            }
            return toHits(s, found, clearance, null);
        } finally {
            index.release(s);
        }
    }

    /** A searcher over the same reader whose BM25 statistics count only what the user may see. */
    private IndexSearcher scoped(IndexSearcher s, Clearance c) {
        return ScopedStatistics.searcher(s, index.labels().authorizations(c), index.executor());
    }

    private Query filter(IndexSearcher s, Clearance c, MetadataFilter m) throws IOException {
        Set<String> auths = index.labels().authorizations(c);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(AccessFilter.forUser(s.getIndexReader(), auths), BooleanClause.Occur.FILTER);
        terms(b, Fields.COLLECTION, m.collections());
        terms(b, Fields.DOC_TYPE, m.docTypes());
        terms(b, Fields.SOURCE, m.sources());
        terms(b, Fields.LANGUAGE, m.languages());
        if (m.from() != null || m.to() != null) {
            long lo = m.from() == null ? Long.MIN_VALUE : m.from().toEpochDay();
            long hi = m.to() == null ? Long.MAX_VALUE : m.to().toEpochDay();
            b.add(LongPoint.newRangeQuery(Fields.DATE, lo, hi), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    private static void terms(BooleanQuery.Builder b, String field, Set<String> values) {
        if (!values.isEmpty()) {
            b.add(new TermInSetQuery(field, values.stream().map(BytesRef::new).collect(Collectors.toList())),
                    BooleanClause.Occur.FILTER);
        }
    }

    private List<Hit> toHits(IndexSearcher s, List<HybridRanker.Scored> ranked, Clearance c, String query)
            throws IOException {
        List<Hit> out = new ArrayList<>(ranked.size());
        var stored = s.storedFields();
        for (HybridRanker.Scored sc : ranked) {
            Document d = stored.document(sc.doc());
            String portion = d.get(Fields.PORTION);
            AccessDecision decision = AccessPolicy.decide(c, portion, parser);
            if (decision instanceof AccessDecision.Deny deny) {
                LOG.log(System.Logger.Level.ERROR, "index filter admitted passage {0} that the guard denies ({1}); "
                        + "dropped", d.get(Fields.ID), deny.reason());
                continue;
            }
            String text = d.get(Fields.TEXT);
            String heading = d.get(Fields.HEADING);
            IndexableField page = d.getField(Fields.PAGE);
            out.add(new Hit(d.get(Fields.ID), d.get(Fields.DOC_ID), d.getField(Fields.ORDINAL).numericValue().intValue(),
                    sc.score(), portion, d.get(Fields.TITLE),
                    heading == null || heading.isEmpty() ? List.of() : Arrays.asList(heading.split(" > ")),
                    page == null ? null : page.numericValue().intValue(),
                    query == null ? null : Snippets.highlight(text, query, SNIPPET_CHARS),
                    d.get(Fields.COLLECTION), d.get(Fields.DOC_TYPE), d.get(Fields.SOURCE), d.get(Fields.LANGUAGE),
                    d.get(Fields.DATE), text));
        }
        return out;
    }
}
