package io.sextant.retrieval.security;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;

/**
 * Exact clearance filtering as a Lucene query. Each passage stores every distinct CNF clause of its marking as one
 * term ({@code vis:tok1|tok2|...}, tokens sorted; an unrestricted passage gets an always-true sentinel clause), and
 * the number of those terms as a doc value. For a user, each segment's clause terms are enumerated and the ones the
 * user satisfies (shares a token with) are counted per passage: a passage matches only when every one of its clauses
 * is satisfied. It is exact (no approximation), deny by default (a passage without labels never matches) and usable
 * as an HNSW pre-filter; the per-segment result is a cached bit set ({@link VisibleToQuery}).
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
     * Builds the filter for one user. The reader is not needed any more (each segment's clause vocabulary is read
     * when the segment is searched); the parameter stays so that callers state which index the filter is meant for.
     *
     * @param reader         the reader the query will run on
     * @param authorizations the user's tokens
     * @return a query matching exactly the passages the user may see
     */
    public static Query forUser(IndexReader reader, Set<String> authorizations) {
        return forUser(authorizations);
    }

    /**
     * @param authorizations the user's tokens
     * @return a query matching exactly the passages the user may see, in any index labelled by {@link #label}
     */
    public static Query forUser(Set<String> authorizations) {
        return new VisibleToQuery(authorizations);
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
