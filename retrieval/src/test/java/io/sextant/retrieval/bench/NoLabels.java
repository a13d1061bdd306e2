package io.sextant.retrieval.bench;

import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.Marking;
import io.sextant.retrieval.security.VisibilityLabels;
import java.util.List;
import java.util.Set;

/** Dev tools only: every passage unrestricted (the tuning collections are public and all UNCLASSIFIED). */
final class NoLabels implements VisibilityLabels {
    @Override
    public List<Set<String>> clauses(Marking marking) {
        return List.of();
    }

    @Override
    public Set<String> authorizations(Clearance clearance) {
        return Set.of();
    }
}
