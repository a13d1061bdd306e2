package io.sextant.retrieval.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The passages one set of authorizations may see, as a filter query backed by a per-segment bit set.
 *
 * <p>Why a bit set: the clearance filter sits under every search (BM25, kNN pre-filter, counts, facets), and a user
 * at the top of the hierarchy sees nearly every passage, so evaluating the clause logic per query walks every
 * posting of the index. Segments are immutable and a segment's clause vocabulary is small, so the visible set of a
 * segment is a pure function of (segment, the clause terms of that segment the user satisfies). It is computed once
 * for that key and reused by every user with the same key, until the segment is merged away. The HNSW search takes
 * the bit set as its accept set without copying it when the segment has no deletions; deletions are applied by
 * Lucene on top, as for any filter.
 *
 * <p>Exactness: a document is set when the number of its clause terms the user satisfies equals its stored clause
 * count, which is the CNF semantics of {@link AccessFilter}; a document without a count (no labels) is never set.
 */
final class VisibleToQuery extends Query {

    /** Bit sets kept, by their size in bytes; least recently used ones go first. */
    private static final long CACHE_BYTES = Long.getLong("sextant.retrieval.visibility-cache-bytes", 256L << 20);
    private static final Cache CACHE = new Cache(CACHE_BYTES);
    private static final AtomicLong SEGMENT_IDS = new AtomicLong();

    private final Set<String> authorizations;
    /** Visible sets this query has looked up, by segment core: one query object serves BM25, kNN and counts. */
    private final ConcurrentHashMap<Object, Object> looked = new ConcurrentHashMap<>();

    VisibleToQuery(Set<String> authorizations) {
        this.authorizations = Collections.unmodifiableSet(new TreeSet<>(authorizations));
    }

    /** The segment's clause terms these authorizations satisfy, sorted; empty when none. */
    private static List<String> satisfied(LeafReader reader, Set<String> authorizations) throws IOException {
        Terms terms = reader.terms(AccessFilter.CLAUSE_FIELD);
        if (terms == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        TermsEnum te = terms.iterator();
        for (BytesRef b = te.next(); b != null; b = te.next()) {
            String clause = b.utf8ToString();
            if (AccessFilter.satisfies(clause, authorizations)) {
                out.add(clause);
            }
        }
        return out;
    }

    /** The visible documents of one segment, deletions ignored. */
    private static FixedBitSet compute(LeafReader reader, List<String> satisfied) throws IOException {
        int maxDoc = reader.maxDoc();
        FixedBitSet bits = new FixedBitSet(maxDoc);
        Terms terms = reader.terms(AccessFilter.CLAUSE_FIELD);
        if (terms == null || satisfied.isEmpty()) {
            return bits;
        }
        int[] counts = new int[maxDoc];
        TermsEnum te = terms.iterator();
        PostingsEnum pe = null;
        for (String clause : satisfied) {
            if (!te.seekExact(new BytesRef(clause))) {
                continue;
            }
            pe = te.postings(pe, PostingsEnum.NONE);
            for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                counts[d]++;
            }
        }
        NumericDocValues need = DocValues.getNumeric(reader, AccessFilter.COUNT_FIELD);
        for (int d = 0; d < maxDoc; d++) {
            if (counts[d] > 0 && need.advanceExact(d) && need.longValue() == counts[d]) {
                bits.set(d);
            }
        }
        return bits;
    }

    /**
     * The visible documents of one segment, from the cache.
     *
     * @param reader         a segment
     * @param authorizations the user's tokens
     * @return the segment's visible set (deletions ignored), or null when the user sees nothing in it
     * @throws IOException on read errors
     */
    static Segment visible(LeafReader reader, Set<String> authorizations) throws IOException {
        IndexReader.CacheHelper core = reader.getCoreCacheHelper();
        if (core != null) {
            Object known = CACHE.forUser(core.getKey(), authorizations);
            if (known != null) {
                return known instanceof Segment seg ? seg : null;
            }
        }
        List<String> satisfied = satisfied(reader, authorizations);
        Segment seg = null;
        if (!satisfied.isEmpty()) {
            seg = core == null ? new Segment(compute(reader, satisfied))
                    : CACHE.get(core, satisfied, () -> new Segment(compute(reader, satisfied)));
        }
        Segment visible = seg == null || seg.cardinality() == 0 ? null : seg;
        if (core != null) {
            CACHE.rememberUser(core, authorizations, visible);
        }
        return visible;
    }

    /**
     * One segment's visible set for one set of satisfied clauses.
     *
     * @param bits        visible documents
     * @param cardinality how many
     * @param id          a process-unique number naming this set (figures derived from it are memoised by it, see
     *                    {@link ScopedStatistics})
     */
    record Segment(FixedBitSet bits, int cardinality, long id) {
        Segment(FixedBitSet bits) {
            this(bits, bits.cardinality(), SEGMENT_IDS.incrementAndGet());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Segment other && other.id == id;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(id);
        }
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                IndexReader.CacheHelper core = context.reader().getCoreCacheHelper();
                Object memo = core == null ? null : looked.get(core.getKey());
                if (memo == null) {
                    Segment found = visible(context.reader(), authorizations);
                    memo = found == null ? Boolean.FALSE : found;
                    if (core != null) {
                        looked.put(core.getKey(), memo);
                    }
                }
                if (!(memo instanceof Segment seg)) {
                    return null;
                }
                FixedBitSet bits = seg.bits();
                int cardinality = seg.cardinality();
                float s = score();
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) {
                        return new ConstantScoreScorer(s, scoreMode, new BitSetIterator(bits, cardinality));
                    }

                    @Override
                    public long cost() {
                        return cardinality;
                    }
                };
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false; // cached here, per segment and clause set; Lucene's query cache would hold a copy
            }
        };
    }

    @Override
    public String toString(String field) {
        return "VisibleTo" + authorizations;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && authorizations.equals(((VisibleToQuery) other).authorizations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), authorizations);
    }

    /** Supplies a segment's visible set, possibly reading the index. */
    private interface Compute {
        Segment get() throws IOException;
    }

    /** The least-recently-used bit sets by (segment core, satisfied clause terms), bounded in bytes. */
    private static final class Cache {
        private record Key(Object core, List<String> satisfied) {
        }

        /** A segment as one set of authorizations sees it: saves enumerating its clause terms on every query. */
        private record UserKey(Object core, Set<String> authorizations) {
        }

        private static final int MAX_USER_KEYS = 50_000;

        private final long maxBytes;
        private final LinkedHashMap<Key, Segment> entries = new LinkedHashMap<>(16, 0.75f, true);
        private final Map<Object, Boolean> watched = new IdentityHashMap<>();
        /** UserKey → its Segment, or FALSE when the user sees nothing in the segment. */
        private final Map<UserKey, Object> byUser = new java.util.HashMap<>();
        private long bytes;

        Cache(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        synchronized Object forUser(Object core, Set<String> authorizations) {
            return byUser.get(new UserKey(core, authorizations));
        }

        synchronized void rememberUser(IndexReader.CacheHelper core, Set<String> authorizations, Segment seg) {
            if (watched.put(core.getKey(), Boolean.TRUE) == null) {
                core.addClosedListener(this::forget);
            }
            if (seg != null && !entries.containsValue(seg)) {
                return; // already evicted again: do not keep it alive outside the byte budget
            }
            if (byUser.size() >= MAX_USER_KEYS) {
                byUser.clear();
            }
            byUser.put(new UserKey(core.getKey(), Set.copyOf(authorizations)), seg == null ? Boolean.FALSE : seg);
        }

        Segment get(IndexReader.CacheHelper core, List<String> satisfied, Compute compute) throws IOException {
            Key key = new Key(core.getKey(), List.copyOf(satisfied));
            synchronized (this) {
                Segment hit = entries.get(key);
                if (hit != null) {
                    return hit;
                }
            }
            // Computed outside the lock: two threads may compute the same set once, which is harmless.
            Segment seg = compute.get();
            synchronized (this) {
                if (watched.put(key.core(), Boolean.TRUE) == null) {
                    core.addClosedListener(this::forget);
                }
                Segment prior = entries.put(key, seg);
                bytes += size(seg) - (prior == null ? 0 : size(prior));
                var it = entries.entrySet().iterator();
                while (bytes > maxBytes && it.hasNext()) {
                    var e = it.next();
                    if (e.getKey().equals(key)) {
                        continue;
                    }
                    bytes -= size(e.getValue());
                    Segment evicted = e.getValue();
                    byUser.values().removeIf(v -> v == evicted);
                    it.remove();
                }
            }
            return seg;
        }

        private synchronized void forget(IndexReader.CacheKey core) {
            watched.remove(core);
            byUser.keySet().removeIf(k -> k.core() == core);
            var it = entries.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                if (e.getKey().core() == core) {
                    bytes -= size(e.getValue());
                    it.remove();
                }
            }
        }

        private static long size(Segment s) {
            return (long) s.bits().getBits().length * Long.BYTES;
        }
    }
}
