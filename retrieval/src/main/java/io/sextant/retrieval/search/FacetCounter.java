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
    public Counts reduce(Collection<Leafs> collectors) {
        long total = 0;
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (String f : fields) {
            out.put(f, new TreeMap<>());
        }
        for (Leafs l : collectors) {
            total += l.total;
            l.counts.forEach((f, m) -> m.forEach((v, c) -> out.get(f).merge(v, c, Long::sum)));
        }
        return new Counts(total, out);
    }

    static final class Leafs implements Collector {
        private final List<String> fields;
        private final Map<String, Map<String, Long>> counts = new TreeMap<>();
        private long total;

        Leafs(List<String> fields) {
            this.fields = fields;
            for (String f : fields) {
                counts.put(f, new TreeMap<>());
            }
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext ctx) throws IOException {
            List<SortedDocValues> dvs = new ArrayList<>();
            for (String f : fields) {
                dvs.add(DocValues.getSorted(ctx.reader(), f));
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    total++;
                    for (int i = 0; i < fields.size(); i++) {
                        SortedDocValues dv = dvs.get(i);
                        if (dv.advanceExact(doc)) {
                            String v = dv.lookupOrd(dv.ordValue()).utf8ToString();
                            if (!v.isEmpty()) {
                                counts.get(fields.get(i)).merge(v, 1L, Long::sum);
                            }
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
