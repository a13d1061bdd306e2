package io.sextant.retrieval.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts keyword facet values and matches over whatever query it is run with; callers always run it with the
 * clearance filter inside the query, so hidden passages never reach it.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Leafs, FacetCounter.Counts> {

    /**
     * @param total  matching passages
     * @param facets field → value → count (empty values omitted)
     */
    record Counts(long total, Map<String, Map<String, Long>> facets) {
    }

    private final List<String> fields;

    FacetCounter(List<String> fields) {
        this.fields = fields;
    }

    @Override
    public Leafs newCollector() {
        return new Leafs(fields);
    }

    @Override
    public Counts reduce(Collection<Leafs> collectors) throws IOException {
        long total = 0;
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (String f : fields) {
            out.put(f, new TreeMap<>());
        }
        for (Leafs l : collectors) {
            total += l.total;
            for (Leafs.Segment seg : l.segments) {
                for (int i = 0; i < fields.size(); i++) {
                    int[] counts = seg.counts[i];
                    SortedDocValues dv = seg.values.get(i);
                    Map<String, Long> m = out.get(fields.get(i));
                    for (int ord = 0; ord < counts.length; ord++) {
                        if (counts[ord] > 0) {
                            String v = dv.lookupOrd(ord).utf8ToString();
                            if (!v.isEmpty()) {
                                m.merge(v, (long) counts[ord], Long::sum);
                            }
                        }
                    }
                }
            }
        }
        return new Counts(total, out);
    }

    /**
     * One slice's counts. Values are counted by segment ordinal while collecting and turned into strings once per
     * distinct value in {@link #reduce}, so a search matching a million passages costs a million array increments
     * per field rather than a million string conversions.
     */
    static final class Leafs implements Collector {
        private record Segment(List<SortedDocValues> values, int[][] counts) {
        }

        private final List<String> fields;
        private final List<Segment> segments = new ArrayList<>();
        private long total;

        Leafs(List<String> fields) {
            this.fields = fields;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext ctx) throws IOException {
            int n = fields.size();
            List<SortedDocValues> iterators = new ArrayList<>(n);
            List<SortedDocValues> lookups = new ArrayList<>(n);
            int[][] counts = new int[n][];
            for (int i = 0; i < n; i++) {
                SortedDocValues dv = DocValues.getSorted(ctx.reader(), fields.get(i));
                iterators.add(dv);
                // A second instance resolves ordinals to values later, independent of the iterating one.
                lookups.add(DocValues.getSorted(ctx.reader(), fields.get(i)));
                counts[i] = new int[dv.getValueCount()];
            }
            segments.add(new Segment(lookups, counts));
            SortedDocValues[] dvs = iterators.toArray(new SortedDocValues[0]);
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    total++;
                    for (int i = 0; i < dvs.length; i++) {
                        if (dvs[i].advanceExact(doc)) {
                            counts[i][dvs[i].ordValue()]++;
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
