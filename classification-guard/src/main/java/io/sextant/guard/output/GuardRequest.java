package io.sextant.guard.output;

import io.sextant.guard.access.Clearance;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the output guard needs to mark (or refuse) one generated product.
 *
 * @param paragraphs  the generated paragraphs, in order
 * @param offered     every source passage the generator was given (the unknown-provenance roll-up uses all of them)
 * @param user        the requesting user's clearance (its action says view or release)
 * @param classifier  the accountable person named on {@code Classified By:}
 * @param productDate the product's date (for sources without a date)
 */
public record GuardRequest(List<Paragraph> paragraphs, List<Source> offered, Clearance user, Person classifier,
        LocalDate productDate) {

    /**
     * Validates: at least one paragraph, unique source ids, and every paragraph's sources among those offered.
     *
     * @throws IllegalArgumentException naming the offending id
     */
    public GuardRequest {
        paragraphs = List.copyOf(paragraphs);
        offered = List.copyOf(offered);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(productDate, "productDate");
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("no paragraphs to guard");
        }
        Set<String> ids = new HashSet<>();
        for (Source s : offered) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("duplicate source id " + s.id());
            }
        }
        for (Paragraph p : paragraphs) {
            for (String id : p.sourceIds()) {
                if (!ids.contains(id)) {
                    throw new IllegalArgumentException("paragraph cites source " + id + " that was not offered");
                }
            }
        }
    }
}
