package io.sextant.appliance.analysis;

import io.sextant.appliance.corpus.Evidence;

/**
 * A numbered citation of a passage the analyst may see.
 *
 * @param number      the {@code [n]} in the text
 * @param passageId   the passage
 * @param documentId  its document
 * @param title       the document's title
 * @param place       page, section or passage number
 * @param portionMark the passage's portion mark
 */
public record Cite(int number, String passageId, String documentId, String title, String place,
        String portionMark) {

    static Cite of(int number, Evidence e) {
        return new Cite(number, e.passageId(), e.documentId(), e.title(), e.place(), e.portionMark());
    }

    /** @return where the citation opens: the document page scrolled to the passage */
    public String link() {
        return "/documents/" + documentId + "?passage=" + passageId + "#passage-" + passageId;
    }
}
