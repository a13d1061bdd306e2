package io.sextant.appliance.grounding;

import io.sextant.guard.access.Clearance;
import io.sextant.guard.output.Person;
import java.util.Objects;

/**
 * The person a product is made for and who is accountable for it as derivative classifier.
 *
 * @param username  the account name
 * @param clearance what the analyst may see; every passage and every product is trimmed to it
 * @param position  position title for the authority block's {@code Classified By:} line
 */
public record Analyst(String username, Clearance clearance, String position) {

    /** Validates. */
    public Analyst {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(clearance, "clearance");
        position = position == null || position.isBlank() ? "Analyst" : position;
    }

    /** @return the accountable person named on the product */
    public Person person() {
        return new Person(username, position);
    }
}
