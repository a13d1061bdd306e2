package io.sextant.appliance.corpus;

import io.sextant.ingest.PassageSink;
import io.sextant.ingest.StoredDocument;
import io.sextant.retrieval.Passage;
import io.sextant.retrieval.index.PassageIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Feeds ingest's outbox into the passage index. Each document's passages replace its earlier ones atomically and are
 * committed before the outbox entry is released, so a kill at any point either repeats the change (idempotent) or
 * finds it durable; nothing committed by ingest is lost on the way to search. Other consumers of stored passages
 * (entities) follow the index, after it accepted the change.
 */
final class IndexingSink implements PassageSink {

    private final PassageIndex index;
    private final List<PassageSink> followers;

    IndexingSink(PassageIndex index, List<PassageSink> followers) {
        this.index = index;
        this.followers = List.copyOf(followers);
    }

    @Override
    public void upsert(StoredDocument document, List<io.sextant.ingest.Passage> passages) {
        String docId = Long.toString(document.id());
        List<Passage> out = new ArrayList<>(passages.size());
        for (io.sextant.ingest.Passage p : passages) {
            if (p.text().isBlank()) {
                continue;
            }
            out.add(new Passage(passageId(document.id(), p.ordinal()), docId, p.ordinal(), p.text(), title(document),
                    p.headings(), p.page() > 0 ? p.page() : null, p.marking(), document.collection(),
                    docType(document.contentType()), null, source(document), "", null));
        }
        try {
            index.replaceDocument(docId, out);
            index.commit();
            index.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException("indexing document " + docId + ": " + e.getMessage(), e);
        }
        followers.forEach(f -> f.upsert(document, passages));
    }

    @Override
    public void delete(long documentId) {
        try {
            index.deleteDocument(Long.toString(documentId));
            index.commit();
            index.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException("removing document " + documentId + ": " + e.getMessage(), e);
        }
        followers.forEach(f -> f.delete(documentId));
    }

    /**
     * @param documentId the stored document
     * @param ordinal    the passage's position
     * @return the passage id used in the index and in citations
     */
    static String passageId(long documentId, int ordinal) {
        return documentId + ":" + ordinal;
    }

    static String title(StoredDocument d) {
        if (!d.title().isBlank()) {
            return d.title();
        }
        String path = d.embeddedPath().isBlank() ? d.sourcePath() : d.embeddedPath();
        Path name = Path.of(path.replace('!', '/')).getFileName();
        return name == null ? path : name.toString();
    }

    private static String source(StoredDocument d) {
        Path parent = Path.of(d.sourcePath()).getParent();
        Path name = parent == null ? null : parent.getFileName();
        return name == null ? "" : name.toString();
    }

    /**
     * @param contentType a media type such as {@code application/pdf; charset=...}
     * @return a short type for filters and facets: pdf, docx, html, txt...
     */
    static String docType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "";
        }
        String t = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "application/pdf" -> "pdf";
            case "application/msword" -> "doc";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "docx";
            case "application/vnd.ms-excel" -> "xls";
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> "xlsx";
            case "application/vnd.ms-powerpoint" -> "ppt";
            case "application/vnd.openxmlformats-officedocument.presentationml.presentation" -> "pptx";
            case "text/plain" -> "txt";
            case "text/html", "application/xhtml+xml" -> "html";
            case "message/rfc822", "application/vnd.ms-outlook" -> "email";
            case "application/rtf" -> "rtf";
            case "application/epub+zip" -> "epub";
            default -> t.startsWith("image/") ? "image" : t.substring(t.indexOf('/') + 1);
        };
    }
}
