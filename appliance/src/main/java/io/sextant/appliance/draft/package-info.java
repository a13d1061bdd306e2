/**
 * Drafting of finished intelligence products (SITREP, INTSUM, PIR, brief): the templates an administrator can add or
 * edit as files ({@link io.sextant.appliance.draft.TemplateLibrary}), the draft an analyst edits and accepts
 * ({@link io.sextant.appliance.draft.Draft}, kept in H2 by {@link io.sextant.appliance.draft.DraftStore}), and the
 * exports to Markdown, DOCX and PDF ({@link io.sextant.appliance.draft.DraftExporter}).
 *
 * <p>Nothing here decides a marking. Every portion mark, the banner and the classification authority block come from
 * the classification guard's {@link io.sextant.guard.output.GuardResult.MarkedProduct}; the exporters only lay them
 * out, in every format the same way: the banner first and last (and in the page header and footer), every paragraph
 * line opening with its portion mark, each section's citations marked with the cited passage's portion mark, and the
 * authority block before the closing banner. Retrieving passages and writing the sections is the job of the
 * grounding service, which fills a {@code Draft} from a template.
 */
package io.sextant.appliance.draft;
