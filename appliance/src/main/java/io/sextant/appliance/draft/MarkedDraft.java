package io.sextant.appliance.draft;

import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.output.GuardResult;
import io.sextant.guard.output.MarkedParagraph;
import io.sextant.guard.rollup.Rollup;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the exporters print: a draft together with the classification guard's verdict on all of its paragraphs. The
 * banner and the authority block are the guard's, never recomputed here; the construction checks that the guard's
 * paragraphs are exactly the draft's, in order, and that no citation is marked above the banner, so an export can
 * only ever show markings the guard produced for this very text.
 *
 * @param draft       the draft
 * @param productName the product's name for the title line, normally the template's title
 * @param product     the guard's marked product for the concatenation of every section's paragraphs
 */
public record MarkedDraft(Draft draft, String productName, GuardResult.MarkedProduct product) {

    /**
     * Validates the pairing.
     *
     * @throws IllegalArgumentException when the guard's paragraphs differ from the draft's, or a citation's marking
     *                                  is not covered by the banner
     */
    public MarkedDraft {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(product, "product");
        productName = Objects.requireNonNull(productName, "productName").strip().replaceAll("\\s+", " ");
        if (productName.isEmpty()) {
            productName = draft.templateId();
        }
        List<MarkedParagraph> drafted = paragraphs(draft);
        if (!drafted.equals(product.paragraphs())) {
            throw new IllegalArgumentException("the marked product does not match draft " + draft.id() + ": "
                    + product.paragraphs().size() + " marked paragraph(s) for " + drafted.size()
                    + " drafted, or their text or markings differ; guard the draft as it stands");
        }
        MarkingParser parser = MarkingParser.defaultParser();
        Rollup rollup = new Rollup(parser.profile(), parser.vocabulary());
        for (DraftSection s : draft.sections()) {
            for (Citation c : s.citations()) {
                if (!rollup.rollup(List.of(product.banner(), c.marking())).equals(product.banner())) {
                    throw new IllegalArgumentException("citation [" + c.number() + "] is marked " + c.portionMark()
                            + ", which the banner " + MarkingFormatter.banner(product.banner()) + " does not cover");
                }
            }
        }
    }

    /**
     * @param draft a draft
     * @return every section's paragraphs in order: what the guard must be given, and must give back, for an export
     */
    public static List<MarkedParagraph> paragraphs(Draft draft) {
        List<MarkedParagraph> out = new ArrayList<>();
        draft.sections().forEach(s -> out.addAll(s.body()));
        return out;
    }
}
