package io.sextant.guard.visibility;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A boolean expression over authorization tokens, in the spirit of Apache Accumulo's column visibility (SPEC §5.3):
 * AND ({@code &}) and OR ({@code |}) over tokens, no negation, no hierarchy. A labelled item is visible to a user
 * when the expression is true over the user's (expanded) authorization set. Values are normalised on construction
 * (nested operators of the same kind flattened, duplicates dropped, single-child operators collapsed), so
 * {@code parse(e.toString()).equals(e)} holds for every expression.
 *
 * <p>The empty conjunction {@link #TRUE} ("visible to all", written as the empty string) is the only constant; there
 * is no FALSE, because Accumulo's syntax has none.
 */
public sealed interface VisibilityExpression permits VisibilityExpression.Term, VisibilityExpression.And,
        VisibilityExpression.Or {

    /** The empty conjunction: true for every authorization set. */
    VisibilityExpression TRUE = new And(List.of());

    /**
     * @param authorizations the user's authorization tokens
     * @return whether an item with this label is visible to that user
     */
    boolean evaluate(Set<String> authorizations);

    /**
     * The conjunctive normal form: every returned set is a disjunction of tokens, and the expression is true exactly
     * when each set shares at least one token with the authorizations. {@link #TRUE} gives an empty list. Duplicate
     * clauses and clauses implied by a smaller clause are removed; tokens inside a clause are sorted.
     *
     * @return the clauses, unmodifiable
     * @throws IllegalStateException when distributing a disjunction would exceed 4096 clauses
     */
    default List<Set<String>> clauses() {
        return Cnf.of(this);
    }

    /**
     * @param text an expression in Accumulo column-visibility syntax; the empty string is {@link #TRUE}
     * @return the expression
     * @throws InvalidVisibilityException with the position and reason when the text is malformed
     */
    static VisibilityExpression parse(String text) {
        return new VisibilityParser(Objects.requireNonNull(text, "text")).parse();
    }

    /**
     * @param token a token
     * @return the term
     */
    static VisibilityExpression term(String token) {
        return new Term(token);
    }

    /**
     * @param parts the conjuncts
     * @return their conjunction, normalised ({@link #TRUE} for none)
     */
    static VisibilityExpression and(Collection<? extends VisibilityExpression> parts) {
        Set<VisibilityExpression> flat = new LinkedHashSet<>();
        for (VisibilityExpression p : parts) {
            if (p instanceof And a) {
                flat.addAll(a.children());
            } else {
                flat.add(Objects.requireNonNull(p, "part"));
            }
        }
        return flat.size() == 1 ? flat.iterator().next() : new And(List.copyOf(flat));
    }

    /**
     * @param parts the disjuncts (at least one)
     * @return their disjunction, normalised ({@link #TRUE} when one of them is)
     * @throws IllegalArgumentException when there are none (a disjunction of nothing is false, which the syntax cannot
     *                                  express)
     */
    static VisibilityExpression or(Collection<? extends VisibilityExpression> parts) {
        Set<VisibilityExpression> flat = new LinkedHashSet<>();
        for (VisibilityExpression p : parts) {
            if (TRUE.equals(p)) {
                return TRUE;
            }
            if (p instanceof Or o) {
                flat.addAll(o.children());
            } else {
                flat.add(Objects.requireNonNull(p, "part"));
            }
        }
        if (flat.isEmpty()) {
            throw new IllegalArgumentException("a disjunction needs at least one part");
        }
        return flat.size() == 1 ? flat.iterator().next() : new Or(List.copyOf(flat));
    }

    /**
     * One authorization token.
     *
     * @param token the token: non-empty, no control characters
     */
    record Term(String token) implements VisibilityExpression {
        /** Validates the token. */
        public Term {
            Objects.requireNonNull(token, "token");
            if (token.isEmpty()) {
                throw new IllegalArgumentException("empty visibility token");
            }
            for (int i = 0; i < token.length(); i++) {
                if (Character.isISOControl(token.charAt(i))) {
                    throw new IllegalArgumentException("control character in visibility token at " + i);
                }
            }
        }

        @Override
        public boolean evaluate(Set<String> authorizations) {
            return authorizations.contains(token);
        }

        @Override
        public String toString() {
            return VisibilityParser.quote(token);
        }
    }

    /**
     * Conjunction; the empty one is {@link #TRUE}.
     *
     * @param children two or more conjuncts (or none), none of them a conjunction
     */
    record And(List<VisibilityExpression> children) implements VisibilityExpression {
        /** Validates normal form. */
        public And {
            children = List.copyOf(children);
            if (children.size() == 1) {
                throw new IllegalArgumentException("a conjunction of one part is that part");
            }
            if (children.stream().anyMatch(c -> c instanceof And)) {
                throw new IllegalArgumentException("nested conjunction: use VisibilityExpression.and");
            }
            if (new LinkedHashSet<>(children).size() != children.size()) {
                throw new IllegalArgumentException("duplicate conjunct");
            }
        }

        @Override
        public boolean evaluate(Set<String> authorizations) {
            for (VisibilityExpression c : children) {
                if (!c.evaluate(authorizations)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (VisibilityExpression c : children) {
                if (!sb.isEmpty()) {
                    sb.append('&');
                }
                sb.append(c instanceof Or ? "(" + c + ")" : c.toString());
            }
            return sb.toString();
        }
    }

    /**
     * Disjunction.
     *
     * @param children two or more disjuncts, none of them a disjunction or {@link #TRUE}
     */
    record Or(List<VisibilityExpression> children) implements VisibilityExpression {
        /** Validates normal form. */
        public Or {
            children = List.copyOf(children);
            if (children.size() < 2) {
                throw new IllegalArgumentException("a disjunction needs two or more parts");
            }
            if (children.stream().anyMatch(c -> c instanceof Or || TRUE.equals(c))) {
                throw new IllegalArgumentException("nested disjunction or TRUE: use VisibilityExpression.or");
            }
            if (new LinkedHashSet<>(children).size() != children.size()) {
                throw new IllegalArgumentException("duplicate disjunct");
            }
        }

        @Override
        public boolean evaluate(Set<String> authorizations) {
            for (VisibilityExpression c : children) {
                if (c.evaluate(authorizations)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (VisibilityExpression c : children) {
                if (!sb.isEmpty()) {
                    sb.append('|');
                }
                sb.append(c instanceof And ? "(" + c + ")" : c.toString());
            }
            return sb.toString();
        }
    }
}
