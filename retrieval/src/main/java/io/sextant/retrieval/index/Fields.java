package io.sextant.retrieval.index;

/** Field names of the passage index, in one place. */
public final class Fields {
    public static final String ID = "id";
    public static final String DOC_ID = "doc_id";
    public static final String ORDINAL = "ordinal";
    public static final String TEXT = "text";
    /** Title, headings and text together: the main BM25 field (not stored). */
    public static final String BODY = "body";
    public static final String TITLE = "title";
    public static final String HEADING = "heading";
    public static final String PAGE = "page";
    public static final String PORTION = "portion";
    public static final String COLLECTION = "collection";
    public static final String DOC_TYPE = "doc_type";
    public static final String SOURCE = "source";
    public static final String LANGUAGE = "language";
    public static final String DATE = "date";
    public static final String VECTOR = "vec";

    /** Keyword fields that can be filtered on and faceted. */
    public static final java.util.List<String> FACETS = java.util.List.of(COLLECTION, DOC_TYPE, SOURCE, LANGUAGE);

    private Fields() {
    }
}
