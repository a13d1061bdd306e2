/**
 * The output guard (SPEC §6.2, §7): every generated product is a derivative classification. Paragraphs are portion
 * marked from their sources' roll-up (all sources offered when provenance is unknown), the banner is the roll-up of
 * the paragraphs, a classification authority block names the accountable person, {@code Derived From} and the
 * {@code Declassify On} value chosen by the §6.1 hierarchy ({@link io.sextant.guard.output.DeclassifyOn}). Markings
 * written into the text are claims: flagged, checked, never a downgrade. Anything outside the user's access is refused
 * with a message that says nothing about the withheld content.
 */
package io.sextant.guard.output;
