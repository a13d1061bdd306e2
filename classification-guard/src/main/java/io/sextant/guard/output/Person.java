package io.sextant.guard.output;

import java.util.Objects;

/**
 * The accountable human derivative classifier (EO 13526 §2.1 requires an identified person; SPEC §6.2.3).
 *
 * @param name     name or personal identifier
 * @param position position title
 */
public record Person(String name, String position) {

    /** Validates. */
    public Person {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the accountable person needs a name or identifier");
        }
    }

    /** @return the text for the {@code Classified By:} line */
    public String classifiedBy() {
        return position.isBlank() ? name.strip() : name.strip() + ", " + position.strip();
    }
}
