package io.sextant.guard.output;

import io.sextant.guard.marking.Marking;
import java.util.List;
import java.util.Objects;

/** The output guard's verdict on one product: a {@link MarkedProduct} or a {@link Refusal}. Switch exhaustively. */
public sealed interface GuardResult permits GuardResult.MarkedProduct, GuardResult.Refusal {

    /**
     * A product the user may receive, fully marked.
     *
     * @param banner         the roll-up of every paragraph's marking, for the top and bottom
     * @param paragraphs     the paragraphs with their portion markings
     * @param authorityBlock the classification authority block, or null when the product is unclassified
     * @param flags          what a human reviewer must look at
     */
    record MarkedProduct(Marking banner, List<MarkedParagraph> paragraphs, AuthorityBlock authorityBlock,
            List<ReviewFlag> flags) implements GuardResult {

        /** Validates: a classified product has an authority block, an unclassified one none. */
        public MarkedProduct {
            Objects.requireNonNull(banner, "banner");
            paragraphs = List.copyOf(paragraphs);
            flags = List.copyOf(flags);
            if (banner.level().isClassified() != (authorityBlock != null)) {
                throw new IllegalArgumentException("an authority block goes on classified products only");
            }
        }

        /** @return plain text that is also Markdown: banner, marked paragraphs, authority block, banner */
        public String render() {
            return ProductRenderer.render(this);
        }
    }

    /**
     * The product is withheld. The message is general by design: it never names or describes what was withheld.
     *
     * @param reason  the general reason
     * @param message the text shown to the user
     */
    record Refusal(Reason reason, String message) implements GuardResult {
        /** Validates. */
        public Refusal {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        /**
         * @param reason the general reason
         * @return the refusal with that reason's standard message
         */
        public static Refusal of(Reason reason) {
            return new Refusal(reason, reason.message());
        }
    }

    /** General reasons for a refusal. */
    enum Reason {
        /** Part of the product exceeds the user's access. */
        EXCEEDS_ACCESS("The answer draws on information outside your access, so it has been withheld."),
        /** The text carries a marking the guard cannot reconcile with the product's sources. */
        UNRECONCILED_MARKING("The generated text contains classification markings that do not match its sources, "
                + "so it has been withheld for review."),
        /** No valid marking could be computed (fail closed). */
        UNMARKABLE("The answer's classification markings could not be determined, so it has been withheld.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        /** @return the standard message shown to the user */
        public String message() {
            return message;
        }
    }
}
