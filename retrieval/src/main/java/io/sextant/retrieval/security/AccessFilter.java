package io.sextant.retrieval.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.sandbox.search.CoveringQuery;
import org.apache.lucene.search.LongValuesSource;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Exact clearance filtering as a Lucene query. Each passage stores every distinct CNF clause of its marking as one
 * term ({@code vis:tok1|tok2|...}, tokens sorted; an unrestricted passage gets an always-true sentinel clause), and
 * the number of those terms as a doc value. For a user, the clause terms present in the index are enumerated and the ones the user satisfies
 * (shares a token with) become the sub-queries of a {@link CoveringQuery} whose per-document minimum is that count:
 * a passage matches only when every one of its clauses is satisfied. It is exact (no approximation), deny by default
 * (a passage without labels never matches) and usable as an HNSW pre-filter.
 */
public final class AccessFilter {

    /** Field holding one term per distinct clause. */
    public static final String CLAUSE_FIELD = "vis";
    /** Doc-values field with the number of clause terms. */
    public static final String COUNT_FIELD = "vis_n";
    /** The clause of unrestricted passages, satisfied by every user; keeps them matchable. */
    static final String SENTINEL = "*";

    private AccessFilter() {
    }

    /**
     * Adds the security fields of a passage.
     *
     * @param doc     the Lucene document
     * @param clauses the marking's CNF clauses
     */
    public static void label(Document doc, List<Set<String>> clauses) {
        Set<String> terms = new TreeSet<>();
        if (clauses.isEmpty()) {
            // Only unrestricted passages carry the sentinel, so a user's filter iterates just the passages that share
            // a clause with them (a 1% user touches about 1% of postings), never the whole index.
            terms.add(SENTINEL);
        }
        for (Set<String> clause : clauses) {
            if (clause.isEmpty()) {
                // An empty clause can never be satisfied: the passage is visible to no one.
                terms.add("|");
                continue;
            }
            terms.add(clauseTerm(clause));
        }
        for (String t : terms) {
            doc.add(new StringField(CLAUSE_FIELD, t, org.apache.lucene.document.Field.Store.NO));
        }
        doc.add(new NumericDocValuesField(COUNT_FIELD, terms.size()));
    }

    static String clauseTerm(Set<String> clause) {
        for (String t : clause) {
            if (t.isEmpty() || t.indexOf('|') >= 0 || t.equals(SENTINEL)) {
                throw new IllegalArgumentException("invalid visibility token: '" + t + "'");
            }
        }
        return String.join("|", new TreeSet<>(clause));
    }

    /**
     * Builds the filter for one user against one reader (the clause vocabulary is read from it).
     *
     * @param reader         the reader the query will run on
     * @param authorizations the user's tokens
     * @return a query matching exactly the passages the user may see
     * @throws IOException on index read errors
     */
    public static Query forUser(IndexReader reader, Set<String> authorizations) throws IOException {
        Set<String> satisfied = new TreeSet<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(CLAUSE_FIELD);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            for (BytesRef b = te.next(); b != null; b = te.next()) {
                String clause = b.utf8ToString();
                if (!satisfied.contains(clause) && satisfies(clause, authorizations)) {
                    satisfied.add(clause);
                }
            }
        }
        if (satisfied.isEmpty()) {
            return new MatchNoDocsQuery("no visible clauses");
        }
        List<Query> subs = new ArrayList<>(satisfied.size());
        for (String c : satisfied) {
            subs.add(new TermQuery(new Term(CLAUSE_FIELD, c)));
        }
        return new CoveringQuery(subs, LongValuesSource.fromLongField(COUNT_FIELD));
    }

    static boolean satisfies(String clauseTerm, Set<String> authorizations) {
        if (clauseTerm.equals(SENTINEL)) {
            return true;
        }
        for (String token : clauseTerm.split("\\|")) {
            if (!token.isEmpty() && authorizations.contains(token)) {
                return true;
            }
        }
        return false;
    }
}
