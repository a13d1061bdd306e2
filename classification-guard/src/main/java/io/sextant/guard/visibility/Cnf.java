package io.sextant.guard.visibility;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Conversion to conjunctive normal form with subsumption. */
final class Cnf {
    /** Upper bound on the clauses a disjunction may distribute into, against exponential blow-up of hostile input. */
    static final int MAX_CLAUSES = 4096;

    private Cnf() {
    }

    static List<Set<String>> of(VisibilityExpression e) {
        return simplify(raw(e));
    }

    private static List<Set<String>> raw(VisibilityExpression e) {
        if (e instanceof VisibilityExpression.Term t) {
            return List.of(Set.of(t.token()));
        }
        if (e instanceof VisibilityExpression.And a) {
            // Linear in the input: a conjunction never multiplies clauses, so no bound is needed here.
            Set<Set<String>> out = new LinkedHashSet<>();
            for (VisibilityExpression c : a.children()) {
                out.addAll(raw(c));
            }
            return List.copyOf(out);
        }
        List<Set<String>> acc = null;
        for (VisibilityExpression c : ((VisibilityExpression.Or) e).children()) {
            List<Set<String>> next = raw(c);
            if (acc == null) {
                acc = next;
                continue;
            }
            if ((long) acc.size() * next.size() > MAX_CLAUSES) {
                throw new IllegalStateException("visibility expression too complex: more than " + MAX_CLAUSES
                        + " clauses in normal form");
            }
            List<Set<String>> product = new ArrayList<>();
            for (Set<String> x : acc) {
                for (Set<String> y : next) {
                    Set<String> u = new TreeSet<>(x);
                    u.addAll(y);
                    product.add(u);
                }
            }
            acc = simplify(product);
        }
        return acc;
    }

    static List<Set<String>> simplify(List<Set<String>> clauses) {
        List<Set<String>> sorted = new ArrayList<>();
        for (Set<String> c : clauses) {
            sorted.add(Collections.unmodifiableSet(new TreeSet<>(c)));
        }
        sorted.sort((a, b) -> Integer.compare(a.size(), b.size()));
        List<Set<String>> out = new ArrayList<>();
        for (Set<String> c : sorted) {
            boolean implied = false;
            for (Set<String> kept : out) {
                if (c.containsAll(kept)) {
                    implied = true;
                    break;
                }
            }
            if (!implied) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }
}
