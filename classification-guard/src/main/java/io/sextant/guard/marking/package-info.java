/**
 * Classification markings as values: {@link io.sextant.guard.marking.Marking}, its parser and its canonical
 * formatter, and the closed vocabularies they are checked against (SPEC §1–§3).
 *
 * <h2>Grammar</h2>
 * <pre>
 * marking       := us_marking | nonus_marking | joint_marking | cui_marking
 * us_marking    := CLASS ["//" SCI] ["//" SAP] ["//" AEA] ["//" FGI] ["//" DISSEM] ["//" NONIC]
 * nonus_marking := "//" (OWNERS " " FGN_CLASS | NATO_CLASS ["//" NATO_CTRL]) ["//" SAP] ["//" AEA]
 *                  ["//" DISSEM] ["//" NONIC]
 * joint_marking := "//JOINT " CLASS " " OWNERS ["//" SCI] ["//" SAP] ["//" AEA] ["//" DISSEM] ["//" NONIC]
 * cui_marking   := "CUI" ["//" CATEGORIES] ["//" LDCS]
 * portion       := "(" marking ")"
 * </pre>
 * {@code //} separates categories, {@code /} values inside one, {@code -} an SCI system from its compartments
 * ({@code SI-G}), a space a compartment from its sub-compartments ({@code SI-G ABCD EFGH}), {@code ", "} the codes of
 * REL TO and DISPLAY ONLY, a space the codes of FGI and JOINT lists. Banners spell the US level out
 * ({@code TOP SECRET}); portions abbreviate ({@code TS}); everything else is written with the authorized
 * abbreviation in both ({@code NOFORN}/{@code NF}, {@code ORCON}/{@code OC}).
 *
 * <h2>Ordering</h2>
 * SCI systems, compartments and sub-compartments ascending (digits before letters); dissemination controls in
 * Register order (RSEN, FOUO, ORCON, ORCON-USGOV, IMCON, NOFORN, PROPIN, REL TO, RELIDO, DSEN, FISA, DISPLAY ONLY);
 * non-IC controls in Register order (LIMDIS, EXDIS, NODIS, SBU, SBU NOFORN, LES, LES NOFORN, SSI, NNPI); REL TO with
 * USA first, then trigraphs, then tetragraphs; FGI, JOINT and DISPLAY ONLY lists trigraphs then tetragraphs.
 *
 * <h2>Parser policy (SPEC §2.5)</h2>
 * Tolerant of case and spacing; titles and the other form's abbreviations are mapped (with a warning); values are
 * re-sorted inside a category (with a warning). Rejected, with the 0-based character position: empty input,
 * unbalanced parentheses, categories out of order or repeated, unknown tokens (closed vocabularies; unpublished SCI
 * systems and SAP programs only from the local registry), duplicate tokens, a second classification, REL TO without
 * USA or with USA alone, a bare {@code REL} without banner context, and every constraint of SPEC §3.4
 * ({@link io.sextant.guard.marking.MarkingRules}). Round trip: {@code format(parse(x)) == x} for canonical x.
 *
 * <h2>Vocabulary</h2>
 * Country trigraphs, tetragraphs and their members, SCI systems and titles, the local registry and CUI categories
 * are data files under {@code io/sextant/guard/vocab/}; a site adds to them with files of the same names
 * ({@link io.sextant.guard.marking.Vocabulary#load(java.nio.file.Path)}).
 */
package io.sextant.guard.marking;
