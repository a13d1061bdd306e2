package io.sextant.ingest;

/** The structural role of a block of extracted text; the chunker keeps each kind whole where it can. */
public enum BlockKind {
    /** A heading (h1..h6); it starts a section and becomes context for the passages under it. */
    HEADING,
    /** A paragraph or a free-standing run of text. */
    PARAGRAPH,
    /** One list item. */
    LIST_ITEM,
    /** A whole table, rows as lines and cells separated by tabs. */
    TABLE
}
