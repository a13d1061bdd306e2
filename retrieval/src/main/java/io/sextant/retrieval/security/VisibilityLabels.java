package io.sextant.retrieval.security;

import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.Marking;
import java.util.List;
import java.util.Set;

/**
 * The seam between the guard's access rules and the index: a marking becomes a conjunction of clauses (CNF), each a
 * set of tokens of which the user must hold at least one; a clearance becomes the set of tokens the user holds. The
 * index stores clauses and filters on them inside the query; it never interprets a marking itself.
 */
public interface VisibilityLabels {

    /**
     * @param marking a portion marking
     * @return its CNF clauses (an empty list means visible to everyone)
     */
    List<Set<String>> clauses(Marking marking);

    /**
     * @param clearance a user's clearance
     * @return the tokens the user holds
     */
    Set<String> authorizations(Clearance clearance);
}
