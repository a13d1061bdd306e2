/**
 * Ingest API: turning untrusted files into documents and marked, structure-aware passages.
 *
 * <p>Extraction ({@link io.sextant.ingest.TextExtractor}) yields {@link io.sextant.ingest.Extraction}s made of
 * {@link io.sextant.ingest.ExtractedPart}s (the file and every embedded document) whose text is kept as
 * {@link io.sextant.ingest.Block}s (headings, paragraphs, list items, tables) with their page or section. Failures are
 * never exceptions that stop a batch: they are a {@link io.sextant.ingest.QuarantineReason} from a fixed vocabulary.
 * Retrieval consumes stored passages through {@link io.sextant.ingest.PassageSink}.
 */
package io.sextant.ingest;
