package io.sextant.ingest.marking;

/** How a document's marking was obtained: recorded with the document so that reviewers know what to trust. */
public enum MarkingSource {
    /** Rolled up from the document's own portion marks (and banner, when present). */
    PORTIONS,
    /** Only banner lines were found. */
    BANNER,
    /** Unmarked: the uploader's declared marking. */
    DECLARED,
    /** Unmarked, nothing declared: the site's system-high default. */
    SYSTEM_HIGH,
    /** Unmarked embedded document: the marking of the document that contains it. */
    INHERITED
}
