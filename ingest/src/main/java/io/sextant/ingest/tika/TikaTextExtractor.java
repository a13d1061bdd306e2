package io.sextant.ingest.tika;

import io.sextant.ingest.Block;
import io.sextant.ingest.ExtractedPart;
import io.sextant.ingest.Extraction;
import io.sextant.ingest.ExtractionLimits;
import io.sextant.ingest.MetadataKeys;
import io.sextant.ingest.QuarantineReason;
import io.sextant.ingest.TextExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.UnsupportedFormatException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.DigestingParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.parser.digestutils.CommonsDigesterFactory;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.AbstractRecursiveParserWrapperHandler;
import org.apache.tika.sax.ContentHandlerFactory;
import org.apache.tika.sax.WriteLimiter;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * The one adapter to Apache Tika: recursive extraction (every embedded document becomes its own part), Tika's
 * limits on characters, embedded resources and compression ratio (zip bombs, via {@code SecureContentHandler}),
 * XML parsed by Tika's hardened readers (no external entities), OCR through Tesseract when installed, and Tika's
 * exceptions translated into {@link QuarantineReason}s. It runs in the calling thread; time limits and crash
 * containment are the isolation layer's job.
 */
public final class TikaTextExtractor implements TextExtractor {
    private static final String SHA256 = "X-TIKA:digest:SHA256";
    private static final int OCR_TIMEOUT_SECONDS = 60;
    /** Containers whose own "text" is only the list of entry names: the entries become child documents. */
    private static final Set<String> ARCHIVES = Set.of("application/zip", "application/x-tar", "application/x-gtar",
            "application/gzip", "application/x-gzip", "application/x-7z-compressed", "application/x-bzip2",
            "application/x-xz", "application/java-archive");

    private final ExtractionLimits limits;
    private final boolean ocr;
    private final AutoDetectParser parser;
    private final CommonsDigesterFactory digests;

    /**
     * Creates an extractor.
     *
     * @param limits size, depth and character limits
     * @param ocr whether to run Tesseract on images and image-only pages; ignored when it is not installed
     */
    public TikaTextExtractor(ExtractionLimits limits, boolean ocr) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.ocr = ocr && OcrProbe.tesseractInstalled();
        AutoDetectParserConfig config = new AutoDetectParserConfig();
        config.setMaximumCompressionRatio(limits.maxCompressionRatio());
        config.setOutputThreshold(1_000_000);
        config.setMaximumDepth(200);
        config.setMaximumPackageEntryDepth(limits.maxEmbeddedDepth() + 1);
        this.digests = new CommonsDigesterFactory();
        digests.setAlgorithmString("sha256");
        digests.setSkipContainerDocument(true);
        this.parser = new AutoDetectParser();
        parser.setAutoDetectParserConfig(config);
    }

    /**
     * Whether OCR actually runs (requested and Tesseract found).
     *
     * @return true when images are OCRed
     */
    public boolean ocrActive() {
        return ocr;
    }

    @Override
    public Extraction extract(Path file) {
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                return Extraction.failed(QuarantineReason.TOO_LARGE, size + " bytes > limit " + limits.maxFileBytes());
            }
            if (size == 0) {
                return Extraction.failed(QuarantineReason.NO_TEXT, "empty file");
            }
            return parse(file, sha256(file));
        } catch (IOException e) {
            return Extraction.failed(QuarantineReason.CORRUPT, "unreadable: " + e.getClass().getSimpleName());
        }
    }

    private Extraction parse(Path file, String sha) {
        Collector collector = new Collector(limits);
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        RecursiveParserWrapper wrapper = new RecursiveParserWrapper(new DigestingParser(parser, digests.build(), true), true);
        try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
            wrapper.parse(in, collector, metadata, context());
        } catch (EncryptedDocumentException e) {
            return Extraction.failed(QuarantineReason.ENCRYPTED, e.getClass().getSimpleName());
        } catch (ZeroByteFileException e) {
            return Extraction.failed(QuarantineReason.NO_TEXT, "empty file");
        } catch (UnsupportedFormatException e) {
            return Extraction.failed(QuarantineReason.UNSUPPORTED, e.getMessage());
        } catch (SAXException | TikaException | IOException | RuntimeException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                QuarantineReason r = reasonFor(e.getClass().getName() + ": " + e.getMessage() + causes(e));
                if (r != QuarantineReason.CORRUPT || collector.parts.isEmpty() || !collector.hasText()) {
                    return Extraction.failed(r, e.getClass().getSimpleName() + ": " + trim(e.getMessage()));
                }
            }
        } catch (StackOverflowError e) {
            return Extraction.failed(QuarantineReason.CORRUPT, "parser recursion overflow");
        }
        return collector.toExtraction(sha, ocr);
    }

    private ParseContext context() {
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setExtractInlineImages(false);
        pdf.setCatchIntermediateIOExceptions(true);
        pdf.setOcrStrategy(ocr ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig tess = new TesseractOCRConfig();
        tess.setSkipOcr(!ocr);
        tess.setLanguage("eng");
        tess.setTimeoutSeconds(OCR_TIMEOUT_SECONDS);
        context.set(TesseractOCRConfig.class, tess);
        return context;
    }

    static QuarantineReason reasonFor(String trace) {
        String t = trace == null ? "" : trace;
        if (t.contains("EncryptedDocumentException") || t.contains("InvalidPasswordException")
                || t.contains("UnsupportedZipFeatureException: Unsupported feature encryption")
                || t.contains("password")) {
            return QuarantineReason.ENCRYPTED;
        }
        if (t.contains("SecureContentHandler") || t.contains("Suspected zip bomb") || t.contains("zip bomb")
                || t.contains("OutOfMemoryError")) {
            return QuarantineReason.TOO_LARGE;
        }
        if (t.contains("UnsupportedFormatException") || t.contains("Strict OOXML")) {
            return QuarantineReason.UNSUPPORTED;
        }
        return QuarantineReason.CORRUPT;
    }

    private static String causes(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = e.getCause(); c != null && sb.length() < 2000; c = c.getCause()) {
            sb.append(" <- ").append(c.getClass().getName()).append(": ").append(c.getMessage());
        }
        return sb.toString();
    }

    private static String trim(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Hands each document (container and embedded) a fresh {@link BlockCollector}, bounded by the write limit. */
    private static final class CollectorFactory implements ContentHandlerFactory, WriteLimiter {
        private final int writeLimit;

        CollectorFactory(int writeLimit) {
            this.writeLimit = writeLimit;
        }

        @Override
        public ContentHandler getNewContentHandler() {
            return new BlockCollector();
        }

        @Override
        public ContentHandler getNewContentHandler(OutputStream os, Charset charset) {
            return new BlockCollector();
        }

        @Override
        public int getWriteLimit() {
            return writeLimit;
        }

        @Override
        public boolean isThrowOnWriteLimitReached() {
            return false;
        }
    }

    /** Receives every finished document from the recursive wrapper, with its metadata. */
    private static final class Collector extends AbstractRecursiveParserWrapperHandler {
        private final transient List<Object[]> parts = new ArrayList<>();
        private final int maxDepth;

        Collector(ExtractionLimits limits) {
            super(new CollectorFactory(limits.maxChars()), limits.maxEmbeddedResources());
            this.maxDepth = limits.maxEmbeddedDepth();
        }

        @Override
        public void endEmbeddedDocument(ContentHandler handler, Metadata metadata) throws SAXException {
            super.endEmbeddedDocument(handler, metadata);
            parts.add(new Object[] {handler, metadata});
        }

        @Override
        public void endDocument(ContentHandler handler, Metadata metadata) throws SAXException {
            super.endDocument(handler, metadata);
            parts.add(0, new Object[] {handler, metadata});
        }

        boolean hasText() {
            return parts.stream().anyMatch(p -> ((BlockCollector) p[0]).chars() > 0);
        }

        Extraction toExtraction(String sha, boolean ocr) {
            if (parts.isEmpty()) {
                return Extraction.failed(QuarantineReason.CORRUPT, "parser produced no document");
            }
            Map<String, Integer> indexById = new LinkedHashMap<>();
            List<ExtractedPart> out = new ArrayList<>();
            List<Object[]> ordered = new ArrayList<>(parts.subList(1, parts.size()));
            ordered.sort((a, b) -> Integer.compare(id((Metadata) a[1]), id((Metadata) b[1])));
            ordered.add(0, parts.get(0));
            for (Object[] p : ordered) {
                BlockCollector bc = (BlockCollector) p[0];
                Metadata m = (Metadata) p[1];
                int index = out.size();
                String idPath = index == 0 ? "" : Objects.toString(m.get(TikaCoreProperties.EMBEDDED_ID_PATH), "");
                int depth = idPath.isEmpty() ? 0 : (int) idPath.chars().filter(c -> c == '/').count();
                if (depth > maxDepth) {
                    continue;
                }
                String parentPath = idPath.contains("/") ? idPath.substring(0, idPath.lastIndexOf('/')) : "";
                int parent = index == 0 ? -1 : indexById.getOrDefault(parentPath, 0);
                indexById.put(idPath, index);
                out.add(part(index, parent, bc, m, index == 0 ? sha : Objects.toString(m.get(SHA256), ""), ocr));
            }
            addUnreadableEntries(ordered, out);
            ExtractedPart root = out.get(0);
            if (ARCHIVES.contains(root.contentType())) {
                if (out.size() == 1) {
                    return Extraction.failed(QuarantineReason.CORRUPT, "archive with no readable entry");
                }
            }
            boolean anyText = out.stream().anyMatch(ExtractedPart::hasText);
            if (root.failure() != null && !anyText) {
                return Extraction.failed(root.failure(), "container: " + root.note());
            }
            if (!anyText && root.note().isEmpty() && out.size() == 1) {
                return Extraction.failed(QuarantineReason.NO_TEXT, "no text in " + root.contentType());
            }
            return Extraction.of(out);
        }

        /**
         * Entries a container could not even open (an encrypted zip entry) leave only an exception in the container's
         * metadata: each becomes a failed part, so that it is quarantined instead of silently missing.
         */
        private static void addUnreadableEntries(List<Object[]> ordered, List<ExtractedPart> out) {
            int parts = out.size();
            for (int i = 0; i < parts && i < ordered.size(); i++) {
                Metadata m = (Metadata) ordered.get(i)[1];
                String[] errors = m.getValues(TikaCoreProperties.TIKA_META_EXCEPTION_EMBEDDED_STREAM);
                for (String error : errors) {
                    String line = firstLine(error);
                    int at = line.lastIndexOf(" in entry ");
                    String name = at < 0 ? "(unreadable entry " + (out.size() - parts + 1) + ")"
                            : line.substring(at + " in entry ".length()).strip();
                    String path = out.get(i).embeddedPath() + "/" + name;
                    out.add(new ExtractedPart(out.size(), i, path, "", "application/octet-stream", Map.of(), List.of(),
                            reasonFor(error), line));
                }
            }
        }

        private static ExtractedPart part(int index, int parent, BlockCollector bc, Metadata m, String sha,
                boolean ocr) {
            String type = Objects.toString(m.get(Metadata.CONTENT_TYPE), "application/octet-stream");
            List<Block> blocks = ARCHIVES.contains(baseType(type)) ? List.of() : bc.blocks();
            String exception = m.get(index == 0 ? TikaCoreProperties.CONTAINER_EXCEPTION
                    : TikaCoreProperties.EMBEDDED_EXCEPTION);
            QuarantineReason failure = null;
            String note = "";
            if (exception != null && blocks.isEmpty()) {
                failure = reasonFor(exception);
                note = firstLine(exception);
            } else if (blocks.isEmpty() && !ocr && needsOcr(type, m)) {
                note = ExtractedPart.NOTE_NO_OCR;
            } else if ("true".equals(m.get(TikaCoreProperties.WRITE_LIMIT_REACHED))) {
                note = ExtractedPart.NOTE_TRUNCATED;
            }
            String path = index == 0 ? "" : Objects.toString(m.get(TikaCoreProperties.EMBEDDED_RESOURCE_PATH), "");
            return new ExtractedPart(index, parent, path, sha, baseType(type), metadata(m, bc), blocks, failure,
                    note);
        }

        private static boolean needsOcr(String type, Metadata m) {
            return type.startsWith("image/") || type.startsWith("application/pdf");
        }

        private static Map<String, String> metadata(Metadata m, BlockCollector bc) {
            Map<String, String> out = new LinkedHashMap<>();
            put(out, MetadataKeys.TITLE, m, TikaCoreProperties.TITLE);
            put(out, MetadataKeys.AUTHOR, m, TikaCoreProperties.CREATOR);
            put(out, MetadataKeys.CREATED, m, TikaCoreProperties.CREATED);
            put(out, MetadataKeys.MODIFIED, m, TikaCoreProperties.MODIFIED);
            put(out, MetadataKeys.LANGUAGE, m, TikaCoreProperties.LANGUAGE);
            if (!out.containsKey(MetadataKeys.LANGUAGE) && m.get(Metadata.CONTENT_LANGUAGE) != null) {
                out.put(MetadataKeys.LANGUAGE, m.get(Metadata.CONTENT_LANGUAGE));
            }
            put(out, MetadataKeys.PAGE_COUNT, m, PagedText.N_PAGES);
            put(out, MetadataKeys.PAGE_COUNT, m, Office.PAGE_COUNT);
            if (!out.containsKey(MetadataKeys.PAGE_COUNT) && bc.pages() > 0) {
                out.put(MetadataKeys.PAGE_COUNT, Integer.toString(bc.pages()));
            }
            String enc = m.get(Metadata.CONTENT_ENCODING);
            if (enc != null) {
                out.put(MetadataKeys.ENCODING, enc);
            }
            return out;
        }

        private static void put(Map<String, String> out, String key, Metadata m, Property p) {
            String v = m.get(p);
            if (v != null && !v.isBlank() && !out.containsKey(key)) {
                out.put(key, v.strip());
            }
        }

        private static int id(Metadata m) {
            String id = m.get(TikaCoreProperties.EMBEDDED_ID);
            try {
                return id == null ? Integer.MAX_VALUE : Integer.parseInt(id);
            } catch (NumberFormatException e) {
                return Integer.MAX_VALUE;
            }
        }

        private static String baseType(String type) {
            int semi = type.indexOf(';');
            return (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        }

        private static String firstLine(String s) {
            String line = s.lines().findFirst().orElse("");
            return line.length() > 200 ? line.substring(0, 200) : line;
        }
    }
}
