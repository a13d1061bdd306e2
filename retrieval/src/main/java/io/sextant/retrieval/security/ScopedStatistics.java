package io.sextant.retrieval.security;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.SmallFloat;

/**
 * A searcher whose BM25 statistics describe only the passages one user may see.
 *
 * <p>Why: BM25 weighs a term by how many passages contain it (idf) and a passage by its length against the average.
 * Computed over the whole index, those figures move when passages the user may not see are added: the score of a
 * visible passage for the query "codeword", or the order of two visible passages for "codeword other", would tell
 * the user how often hidden passages use the codeword. The filter keeps hidden passages out of the results; this
 * keeps them out of the arithmetic too. Document frequency and total term frequency are counted over the user's
 * visible set; document count and length sums likewise, lengths read from the norms BM25 itself scores with. A term
 * only hidden passages contain gets constant figures. Figures are memoised per segment and visible set.
 */
public final class ScopedStatistics {

    /** Memoised figures (per segment, visible set and term or field) kept, least recently used dropped first. */
    private static final int MAX_MEMO = Integer.getInteger("sextant.retrieval.statistics-memo-entries", 100_000);
    private static final Map<Object, long[]> MEMO = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Object, long[]> eldest) {
                    return size() > MAX_MEMO;
                }
            });

    private ScopedStatistics() {
    }

    /**
     * The doc-values field an index may keep beside a text field with each document's exact token count. Norms,
     * which hold the length BM25 scores a document with, are rounded above 24 tokens; summed over a user's visible
     * passages they would give a slightly shorter average length than Lucene's exact whole-index figure, so a user
     * who may see everything would not score exactly as plain BM25 does. With this field the sums are exact.
     *
     * @param field a text field
     * @return the name of its length field
     */
    public static String lengthField(String field) {
        return field + ".length";
    }

    /**
     * @param base           the point-in-time searcher (its reader and similarity are used)
     * @param authorizations the user's tokens
     * @param executor       the executor for segment slices, or null
     * @return a searcher over the same reader whose term and collection statistics count only visible passages
     */
    public static IndexSearcher searcher(IndexSearcher base, Set<String> authorizations, Executor executor) {
        IndexSearcher s = new Scoped(base.getIndexReader(), executor, Set.copyOf(authorizations));
        s.setSimilarity(base.getSimilarity());
        s.setQueryCache(base.getQueryCache());
        s.setQueryCachingPolicy(base.getQueryCachingPolicy());
        return s;
    }

    private static final class Scoped extends IndexSearcher {
        private final Set<String> authorizations;
        /** Each segment's visible set, looked up once per searcher (one query) rather than once per term. */
        private final java.util.concurrent.atomic.AtomicReferenceArray<Object> segments;

        Scoped(IndexReader reader, Executor executor, Set<String> authorizations) {
            super(reader, executor);
            this.authorizations = authorizations;
            this.segments = new java.util.concurrent.atomic.AtomicReferenceArray<>(reader.leaves().size());
        }

        private VisibleToQuery.Segment segment(LeafReaderContext leaf) throws IOException {
            Object seg = segments.get(leaf.ord);
            if (seg == null) {
                VisibleToQuery.Segment found = VisibleToQuery.visible(leaf.reader(), authorizations);
                seg = found == null ? Boolean.FALSE : found;
                segments.set(leaf.ord, seg);
            }
            return seg instanceof VisibleToQuery.Segment v ? v : null;
        }

        @Override
        public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
            long df = 0;
            long ttf = 0;
            for (LeafReaderContext leaf : getIndexReader().leaves()) {
                VisibleToQuery.Segment seg = segment(leaf);
                if (seg != null) {
                    long[] f = termFigures(leaf.reader(), seg, term);
                    df += f[0];
                    ttf += f[1];
                }
            }
            // No visible passage has the term: the same constant figures for every user and index (it can then only
            // match hidden passages, which the filter removes; Lucene needs non-null statistics to build a scorer).
            return df == 0 ? new TermStatistics(term.bytes(), 1, 1) : new TermStatistics(term.bytes(), df,
                    Math.max(ttf, df));
        }

        @Override
        public CollectionStatistics collectionStatistics(String field) throws IOException {
            long visible = 0;
            long docCount = 0;
            long sumLength = 0;
            for (LeafReaderContext leaf : getIndexReader().leaves()) {
                VisibleToQuery.Segment seg = segment(leaf);
                if (seg != null) {
                    long[] f = fieldFigures(leaf.reader(), seg, field);
                    visible += seg.cardinality();
                    docCount += f[0];
                    sumLength += f[1];
                }
            }
            if (docCount == 0) {
                return new CollectionStatistics(field, 1, 1, 1, 1); // nothing visible has the field: constants
            }
            long sum = Math.max(sumLength, docCount);
            // sumDocFreq is not used by BM25; the sum of lengths bounds it from above, as the contract requires
            return new CollectionStatistics(field, Math.max(visible, docCount), docCount, sum, sum);
        }
    }

    private record TermKey(long segment, String field, BytesRef bytes) {
    }

    private record FieldKey(long segment, String field) {
    }

    /** {docFreq, totalTermFreq} of a term over a segment's visible passages. */
    private static long[] termFigures(LeafReader reader, VisibleToQuery.Segment seg, Term term) throws IOException {
        if (seg.cardinality() == reader.maxDoc()) {
            // every passage of the segment is visible: the dictionary's own figures count the same postings
            Terms terms = reader.terms(term.field());
            TermsEnum te = terms == null ? null : terms.iterator();
            return te != null && te.seekExact(term.bytes()) ? new long[] {te.docFreq(), te.totalTermFreq()}
                    : new long[2];
        }
        TermKey key = new TermKey(seg.id(), term.field(), BytesRef.deepCopyOf(term.bytes()));
        long[] memo = MEMO.get(key);
        if (memo != null) {
            return memo;
        }
        long[] figures = new long[2];
        Terms terms = reader.terms(term.field());
        TermsEnum te = terms == null ? null : terms.iterator();
        if (te != null && te.seekExact(term.bytes())) {
            FixedBitSet bits = seg.bits();
            PostingsEnum pe = te.postings(null, PostingsEnum.FREQS);
            int maxDoc = bits.length();
            int doc = pe.nextDoc();
            while (doc != DocIdSetIterator.NO_MORE_DOCS) {
                int next = doc < maxDoc ? bits.nextSetBit(doc) : DocIdSetIterator.NO_MORE_DOCS;
                if (next == DocIdSetIterator.NO_MORE_DOCS) {
                    break;
                }
                if (next == doc) {
                    figures[0]++;
                    figures[1] += pe.freq();
                    doc = pe.nextDoc();
                } else {
                    doc = pe.advance(next);
                }
            }
        }
        MEMO.put(key, figures);
        return figures;
    }

    /**
     * {documents with the field, sum of their lengths} over a segment's visible passages: exact lengths where the
     * index keeps them ({@link #lengthField}), else the lengths the norms hold.
     */
    private static long[] fieldFigures(LeafReader reader, VisibleToQuery.Segment seg, String field)
            throws IOException {
        FieldKey key = new FieldKey(seg.id(), field);
        long[] memo = MEMO.get(key);
        if (memo != null) {
            return memo;
        }
        long[] figures = new long[2];
        NumericDocValues exact = reader.getNumericDocValues(lengthField(field));
        NumericDocValues norms = reader.getNormValues(field);
        FixedBitSet bits = seg.bits();
        for (int d = bits.nextSetBit(0); d != DocIdSetIterator.NO_MORE_DOCS;
                d = d + 1 < bits.length() ? bits.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS) {
            long length;
            if (exact != null && exact.advanceExact(d)) {
                length = exact.longValue();
            } else if (norms != null && norms.advanceExact(d)) {
                length = SmallFloat.byte4ToInt((byte) norms.longValue()); // an index written before lengths were kept
            } else {
                continue;
            }
            if (length > 0) {
                figures[0]++;
                figures[1] += length;
            }
        }
        MEMO.put(key, figures);
        return figures;
    }
}
