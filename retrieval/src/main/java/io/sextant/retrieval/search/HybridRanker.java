package io.sextant.retrieval.search;

import io.sextant.retrieval.index.Fields;
import io.sextant.retrieval.index.PassageAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Ranks passages by BM25, by kNN, or by both fused. The filter (clearance and metadata) is applied inside both
 * searches: as a FILTER clause of the BM25 query and as the HNSW pre-filter of the kNN query, so each side's top k is
 * made only of passages the filter admits.
 */
public final class HybridRanker {

    private static final Analyzer ANALYZER = new PassageAnalyzer();
    /** Three clauses per term must stay under Lucene's 1024-clause limit. */
    private static final int MAX_TERMS = 300;

    /**
     * A ranked Lucene document.
     *
     * @param doc   global doc id in the searcher's reader
     * @param score the score
     */
    public record Scored(int doc, float score) {
    }

    private HybridRanker() {
    }

    /**
     * The BM25 query: every analysed term searched in the body (title, headings and text together) and again in the
     * title and heading fields with their weights.
     *
     * @param text     query text
     * @param settings boosts
     * @return the query (matches nothing when no term survives analysis)
     */
    public static Query lexicalQuery(String text, FusionSettings settings) {
        List<String> terms = analyze(text);
        if (terms.size() > MAX_TERMS) {
            terms = terms.subList(0, MAX_TERMS);
        }
        if (terms.isEmpty()) {
            return new MatchNoDocsQuery("no query terms");
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : terms) {
            b.add(new TermQuery(new Term(Fields.BODY, t)), BooleanClause.Occur.SHOULD);
            if (settings.titleBoost() > 0) {
                b.add(new BoostQuery(new TermQuery(new Term(Fields.TITLE, t)), settings.titleBoost()),
                        BooleanClause.Occur.SHOULD);
            }
            if (settings.headingBoost() > 0) {
                b.add(new BoostQuery(new TermQuery(new Term(Fields.HEADING, t)), settings.headingBoost()),
                        BooleanClause.Occur.SHOULD);
            }
        }
        BooleanQuery q = b.build();
        return q;
    }

    /** Analysed query terms, repeats kept (a repeated term weighs more, as with Lucene's query parser). */
    static List<String> analyze(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = ANALYZER.tokenStream(Fields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Query filtered(Query q, Query filter) {
        if (filter == null) {
            return q;
        }
        return new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER)
                .build();
    }

    /**
     * BM25 top n under the filter.
     *
     * @param s      searcher
     * @param q      lexical query
     * @param filter filter or null
     * @param n      depth
     * @return hits
     * @throws IOException on read errors
     */
    public static List<Scored> lexical(IndexSearcher s, Query q, Query filter, int n) throws IOException {
        return list(s.search(filtered(q, filter), n));
    }

    /**
     * kNN top n with the filter as HNSW pre-filter.
     *
     * @param s      searcher
     * @param vector unit query vector
     * @param filter filter or null
     * @param n      depth
     * @return hits
     * @throws IOException on read errors
     */
    public static List<Scored> dense(IndexSearcher s, float[] vector, Query filter, int n) throws IOException {
        return list(s.search(new KnnFloatVectorQuery(Fields.VECTOR, vector, n, filter), n));
    }

    private static List<Scored> list(TopDocs td) {
        List<Scored> out = new ArrayList<>(td.scoreDocs.length);
        for (ScoreDoc sd : td.scoreDocs) {
            out.add(new Scored(sd.doc, sd.score));
        }
        return out;
    }

    /**
     * Ranks by the requested mode.
     *
     * @param s        searcher
     * @param text     query text
     * @param vector   query vector (unused for BM25; may be null then)
     * @param filter   filter or null
     * @param mode     mode
     * @param k        hits wanted
     * @param settings fusion settings
     * @return top k
     * @throws IOException on read errors
     */
    public static List<Scored> rank(IndexSearcher s, String text, float[] vector, Query filter, Mode mode, int k,
            FusionSettings settings) throws IOException {
        return switch (mode) {
            case BM25 -> lexical(s, lexicalQuery(text, settings), filter, k);
            case DENSE -> dense(s, vector, filter, k);
            case HYBRID -> hybrid(s, text, vector, filter, k, settings);
        };
    }

    private static List<Scored> hybrid(IndexSearcher s, String text, float[] vector, Query filter, int k,
            FusionSettings settings) throws IOException {
        Query lq = lexicalQuery(text, settings);
        List<Scored> lex = lexical(s, lq, filter, Math.max(k, settings.lexicalDepth()));
        int depth = Math.max(k, settings.denseDepth());
        return fuse(s, lex, dense(s, vector, filter, depth), vector, lq, k, settings);
    }

    static List<Scored> fuse(IndexSearcher s, List<Scored> lex, List<Scored> dense, float[] vector, Query lexical,
            int k, FusionSettings settings) throws IOException {
        Map<Integer, Float> fused = new HashMap<>();
        float w = settings.denseWeight();
        if (settings.method() == FusionSettings.Method.RRF) {
            for (int r = 0; r < lex.size(); r++) {
                fused.merge(lex.get(r).doc(), (1 - w) / (settings.rrfK() + r + 1f), Float::sum);
            }
            for (int r = 0; r < dense.size(); r++) {
                fused.merge(dense.get(r).doc(), w / (settings.rrfK() + r + 1f), Float::sum);
            }
        } else {
            Map<Integer, Float> lexScore = new HashMap<>();
            for (Scored sc : lex) {
                lexScore.put(sc.doc(), sc.score());
            }
            Map<Integer, Float> denseScore = new HashMap<>();
            for (Scored sc : dense) {
                denseScore.put(sc.doc(), sc.score());
            }
            // Exact similarity for lexical candidates kNN did not return, on the kNN score scale ((1 + dot) / 2).
            List<Integer> missing = new ArrayList<>();
            for (Scored sc : lex) {
                if (!denseScore.containsKey(sc.doc())) {
                    missing.add(sc.doc());
                }
            }
            exactDense(s, missing, vector, denseScore);
            if (lexical != null) {
                exactLexical(s, lexical, denseScore.keySet(), lexScore);
            }
            float[] lr = range(lexScore);
            float[] dr = range(denseScore);
            for (Integer doc : union(lexScore, denseScore)) {
                float l = norm(lexScore.get(doc), lr);
                float d = norm(denseScore.get(doc), dr);
                fused.put(doc, w * d + (1 - w) * l);
            }
        }
        List<Scored> out = new ArrayList<>(fused.size());
        fused.forEach((doc, sc) -> out.add(new Scored(doc, sc)));
        out.sort(Comparator.comparingDouble((Scored x) -> -x.score()).thenComparingInt(Scored::doc));
        return out.size() > k ? new ArrayList<>(out.subList(0, k)) : out;
    }

    /** BM25 scores of dense candidates the lexical list did not reach (0 stays absent: the term did not match). */
    private static void exactLexical(IndexSearcher s, Query lexical, java.util.Set<Integer> docs,
            Map<Integer, Float> lexScore) throws IOException {
        List<Integer> todo = new ArrayList<>();
        for (Integer d : docs) {
            if (!lexScore.containsKey(d)) {
                todo.add(d);
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        todo.sort(null);
        org.apache.lucene.search.Weight weight = s.createWeight(s.rewrite(lexical),
                org.apache.lucene.search.ScoreMode.COMPLETE, 1f);
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        int leafIndex = -1;
        org.apache.lucene.search.Scorer scorer = null;
        LeafReaderContext leaf = null;
        for (int doc : todo) {
            int li = ReaderUtil.subIndex(doc, leaves);
            if (li != leafIndex) {
                leafIndex = li;
                leaf = leaves.get(li);
                scorer = weight.scorer(leaf);
            }
            if (scorer == null) {
                continue;
            }
            int local = doc - leaf.docBase;
            int at = scorer.docID() >= local ? scorer.docID() : scorer.iterator().advance(local);
            if (at == local) {
                lexScore.put(doc, scorer.score());
            }
        }
    }

    private static LinkedHashSet<Integer> union(Map<Integer, Float> a, Map<Integer, Float> b) {
        LinkedHashSet<Integer> u = new LinkedHashSet<>(a.keySet());
        u.addAll(b.keySet());
        return u;
    }

    private static float[] range(Map<Integer, Float> m) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : m.values()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new float[] {lo, hi};
    }

    private static float norm(Float v, float[] r) {
        if (v == null) {
            return 0f;
        }
        return r[1] > r[0] ? (v - r[0]) / (r[1] - r[0]) : 1f;
    }

    /** Cosine scores from the stored vectors, visiting each segment's vectors once in doc order. */
    private static void exactDense(IndexSearcher s, List<Integer> docs, float[] q, Map<Integer, Float> out)
            throws IOException {
        if (docs.isEmpty()) {
            return;
        }
        docs.sort(null);
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        FloatVectorValues values = null;
        KnnVectorValues.DocIndexIterator it = null;
        for (int doc : docs) {
            int li = ReaderUtil.subIndex(doc, leaves);
            if (li != leafIndex) {
                leafIndex = li;
                leaf = leaves.get(li);
                values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
                it = values == null ? null : values.iterator();
            }
            if (it == null) {
                continue;
            }
            int local = doc - leaf.docBase;
            int at = it.docID() >= local ? it.docID() : it.advance(local);
            if (at == local) {
                float[] v = values.vectorValue(it.index());
                float dot = 0;
                for (int i = 0; i < q.length; i++) {
                    dot += q[i] * v[i];
                }
                out.put(doc, (1 + dot) / 2);
            }
        }
    }
}
