package io.sextant.guard.marking;

/** Thrown by {@link Marking}'s constructor; carries the rule's key so the parser can point at the token. */
final class RuleViolationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient MarkingRules.Violation violation;

    RuleViolationException(MarkingRules.Violation violation) {
        super(violation.reason());
        this.violation = violation;
    }

    MarkingRules.Violation violation() {
        return violation;
    }
}
