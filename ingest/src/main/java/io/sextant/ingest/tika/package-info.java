/**
 * The Apache Tika adapter: {@link io.sextant.ingest.tika.TikaTextExtractor} is the only class that imports Tika, so a
 * Tika upgrade or replacement touches one file. {@link io.sextant.ingest.tika.BlockCollector} turns Tika's XHTML SAX
 * stream into structural blocks with page numbers and heading paths.
 */
package io.sextant.ingest.tika;
