package io.sextant.appliance.grounding;

import io.sextant.appliance.corpus.Evidence;

/**
 * A numbered reference from generated text to a passage the user may open.
 *
 * @param number      the {@code [n]} in the text
 * @param passageId   the passage
 * @param documentId  its document
 * @param title       document title
 * @param place       page or section
 * @param portionMark the passage's portion mark
 */
public record Citation(int number, String passageId, String documentId, String title, String place,
        String portionMark) {

    /**
     * @param number the number
     * @param e      the passage
     * @return the citation
     */
    public static Citation of(int number, Evidence e) {
        return new Citation(number, e.passageId(), e.documentId(), e.title(), e.place(), e.portionMark());
    }
}
