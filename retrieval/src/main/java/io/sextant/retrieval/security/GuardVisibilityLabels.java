package io.sextant.retrieval.security;

import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.visibility.Visibility;
import java.util.List;
import java.util.Set;

/**
 * The production labelling: the guard's visibility expressions in conjunctive normal form, whose evaluation the guard
 * proves equal to {@code AccessPolicy.decide}. The index therefore filters by exactly the guard's rules without
 * knowing them.
 */
public final class GuardVisibilityLabels implements VisibilityLabels {

    @Override
    public List<Set<String>> clauses(Marking marking) {
        return Visibility.of(marking).clauses();
    }

    @Override
    public Set<String> authorizations(Clearance clearance) {
        return Visibility.authorizations(clearance);
    }
}
