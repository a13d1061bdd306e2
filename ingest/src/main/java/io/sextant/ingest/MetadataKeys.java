package io.sextant.ingest;

/** The metadata Sextant keeps for every document, whatever the format called it. */
public final class MetadataKeys {
    /** Document title. */
    public static final String TITLE = "title";
    /** Author or creator. */
    public static final String AUTHOR = "author";
    /** Creation date, ISO-8601 as the format gave it. */
    public static final String CREATED = "created";
    /** Last modification date, ISO-8601 as the format gave it. */
    public static final String MODIFIED = "modified";
    /** Language code, detected or declared. */
    public static final String LANGUAGE = "language";
    /** Number of pages (paged formats only). */
    public static final String PAGE_COUNT = "pageCount";
    /** Detected character encoding (text formats only). */
    public static final String ENCODING = "encoding";

    private MetadataKeys() {
    }
}
