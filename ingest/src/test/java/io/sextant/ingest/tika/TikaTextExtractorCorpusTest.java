package io.sextant.ingest.tika;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.ingest.Block;
import io.sextant.ingest.ExtractedPart;
import io.sextant.ingest.Extraction;
import io.sextant.ingest.ExtractionLimits;
import io.sextant.ingest.QuarantineReason;
import io.sextant.ingest.SharedDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of ../shared/eval/docs (MANIFEST.tsv) through the real Tika adapter, with its expected outcome: the
 * quarantine reason for encrypted, broken and unsupported files; text (and the right characters for odd encodings)
 * for the rest; bounded recursion for the quines; OCR text, or the explicit no-OCR status, for image-only files.
 */
class TikaTextExtractorCorpusTest {
    private static final Map<String, QuarantineReason> QUARANTINED = Map.ofEntries(
            Map.entry("derived_empty.pdf", QuarantineReason.NO_TEXT),
            Map.entry("testEXCEL.strict.xlsx", QuarantineReason.UNSUPPORTED),
            Map.entry("testEXCEL_protected_passtika.xlsx", QuarantineReason.ENCRYPTED),
            Map.entry("testODTEncrypted.odt", QuarantineReason.ENCRYPTED),
            Map.entry("testPDF_no_extract_no_accessibility_owner_user.pdf", QuarantineReason.ENCRYPTED),
            Map.entry("testPPT_protected_passtika.pptx", QuarantineReason.ENCRYPTED),
            Map.entry("testPassword4Spaces.pdf", QuarantineReason.ENCRYPTED),
            Map.entry("testUnicodePassword.pdf", QuarantineReason.ENCRYPTED),
            Map.entry("testWORD_protected_passtika.doc", QuarantineReason.ENCRYPTED),
            Map.entry("testWORD_protected_passtika.docx", QuarantineReason.ENCRYPTED),
            Map.entry("testWORD_truncated.docx", QuarantineReason.CORRUPT),
            Map.entry("testXXE.xml", QuarantineReason.NO_TEXT),
            Map.entry("testZIP_corrupted_oom.zip", QuarantineReason.CORRUPT));

    /** Files with no text layer: without OCR they are kept with the explicit no-OCR status. */
    private static final Set<String> IMAGE_ONLY = Set.of("testOCR.pdf", "testOCR.jpg", "testOCR_spacing.png",
            "testJPEG_EXIF.jpg", "testPDF_malformedXFA.pdf");

    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("testPDF.pdf", "Apache Tika"),
            Map.entry("testPDF_protected.pdf", "RETHINKING THE FINANCIAL NETWORK"),
            Map.entry("testZipEncrypted.zip", "hello world"),
            Map.entry("chardet_cp1251_russian.txt", "Эйнштейн"),
            Map.entry("russian.cp866.txt", "Однажды"),
            Map.entry("chardet_shiftjis_japanese.txt", "アプリケーション"),
            Map.entry("testRTFWord2010CzechCharacters.rtf", "Článek týdne"),
            Map.entry("chardet_latin1_portuguese.txt", "ção"),
            Map.entry("english.cp500.txt", "IntelliStation"),
            Map.entry("testODTnotaZipFile.odt", "not"),
            Map.entry("testMSG_att_doc.msg", "pièce jointe"),
            Map.entry("testEXCEL.xlsx", "Numbers and their Squares"),
            Map.entry("testWORD.docx", "Sample Word Document Title"),
            Map.entry("testEPUB.epub", "Chapter 1"),
            Map.entry("testHTML.html", "Indexation du fichier"));

    private static TikaTextExtractor extractor;

    @BeforeAll
    static void start() {
        // OCR of every image here costs minutes on two cores; OCR has its own test below.
        extractor = new TikaTextExtractor(ExtractionLimits.DEFAULTS, false);
    }

    static Stream<Path> manifestFiles() throws IOException {
        Path docs = SharedDocs.eval("docs");
        return Files.readAllLines(docs.resolve("MANIFEST.tsv")).stream().skip(1)
                .map(l -> docs.resolve(l.split("\t")[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestFiles")
    void every_manifest_file_has_its_expected_outcome(Path file) {
        String name = file.getFileName().toString();
        Extraction e = extractor.extract(file);
        if (QUARANTINED.containsKey(name)) {
            assertThat(e.failure()).as(name + " " + e.detail()).isEqualTo(QUARANTINED.get(name));
            return;
        }
        if (IMAGE_ONLY.contains(name) || name.startsWith("testTIFF") || name.startsWith("testRotated")) {
            assertThat(e.failure()).as(name + " " + e.detail()).isNull();
            assertThat(e.parts().get(0).note()).as(name).isEqualTo(ExtractedPart.NOTE_NO_OCR);
            assertThat(e.parts().get(0).blocks()).isEmpty();
            return;
        }
        if (name.equals("droste.zip") || name.equals("quine.gz")) {
            return;
        }
        assertThat(e.failure()).as(name + " " + e.detail()).isNull();
        assertThat(e.parts().get(0).sha256()).hasSize(64);
        String all = text(e);
        assertThat(all).as(name + " yields text").isNotBlank();
        if (TEXT.containsKey(name)) {
            assertThat(all).as(name).contains(TEXT.get(name));
        }
        for (ExtractedPart p : e.parts()) {
            assertThat(p.parentIndex()).isLessThan(Math.max(1, p.index()));
        }
    }

    @Test
    void archives_become_child_documents_linked_to_their_parent() {
        Path docs = SharedDocs.eval("docs");
        for (String archive : List.of("test-documents.zip", "test-documents.tar", "test-documents.7z")) {
            Extraction e = extractor.extract(docs.resolve(archive));
            assertThat(e.parts()).as(archive).hasSizeGreaterThan(5);
            assertThat(e.parts().get(0).blocks()).as("an archive's own text is only entry names").isEmpty();
            assertThat(e.parts().stream().skip(1).filter(p -> p.parentIndex() == 0)
                    .map(ExtractedPart::embeddedPath)).contains("/testEXCEL.xls", "/testHTML.html");
            assertThat(e.parts().stream().skip(1).map(ExtractedPart::sha256)).allMatch(s -> s.length() == 64);
        }
        Extraction nested = extractor.extract(docs.resolve("test-zip-of-zip.zip"));
        assertThat(nested.parts()).hasSize(3);
        assertThat(nested.parts().get(2).parentIndex()).isEqualTo(1);
        assertThat(text(nested)).contains("just some text");
    }

    @Test
    void an_encrypted_archive_entry_is_a_failed_part_and_the_readable_one_is_kept() {
        Extraction e = extractor.extract(SharedDocs.eval("docs").resolve("testZipEncrypted.zip"));
        assertThat(e.failure()).isNull();
        assertThat(e.parts()).anySatisfy(p -> {
            assertThat(p.embeddedPath()).isEqualTo("/encrypted.txt");
            assertThat(p.failure()).isEqualTo(QuarantineReason.ENCRYPTED);
            assertThat(p.parentIndex()).isZero();
        });
        assertThat(text(e)).contains("hello world");
    }

    @Test
    void self_reproducing_archives_stop_at_the_depth_limit() {
        Path docs = SharedDocs.eval("docs");
        for (String quine : List.of("droste.zip", "quine.gz")) {
            Extraction e = extractor.extract(docs.resolve(quine));
            if (e.failure() == null) {
                int maxDepth = e.parts().stream().mapToInt(p -> depth(e, p)).max().orElse(0);
                assertThat(maxDepth).as(quine).isLessThanOrEqualTo(ExtractionLimits.DEFAULTS.maxEmbeddedDepth());
            } else {
                assertThat(e.failure()).isEqualTo(QuarantineReason.TOO_LARGE);
            }
        }
    }

    @Test
    void image_only_files_are_read_by_ocr_when_tesseract_is_installed() {
        Path docs = SharedDocs.eval("docs");
        TikaTextExtractor ocr = new TikaTextExtractor(ExtractionLimits.DEFAULTS, true);
        if (!ocr.ocrActive()) {
            System.err.println("SKIPPED OCR check: tesseract is not installed (.ci/packages installs it)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(ocr.ocrActive(), "tesseract not installed");
        assertThat(text(ocr.extract(docs.resolve("testOCR.pdf")))).contains("Happy New Year");
        assertThat(text(ocr.extract(docs.resolve("testOCR.jpg")))).contains("OCR Testing");
    }

    @Test
    void xml_external_entities_are_not_resolved() throws IOException {
        Path dir = Files.createTempDirectory("xxe");
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRETCANARY");
        Path xml = dir.resolve("evil.xml");
        Files.writeString(xml, "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]>\n<r>before &x; after</r>\n");
        Extraction e = extractor.extract(xml);
        String all = e.failure() == null ? text(e) : e.detail();
        assertThat(all).doesNotContain("TOPSECRETCANARY");
    }

    @Test
    void files_over_the_size_limit_are_not_opened() throws IOException {
        Path f = Files.createTempFile("big", ".txt");
        Files.writeString(f, "x".repeat(5000));
        Extraction e = new TikaTextExtractor(ExtractionLimits.DEFAULTS.withMaxFileBytes(1000), false).extract(f);
        assertThat(e.failure()).isEqualTo(QuarantineReason.TOO_LARGE);
    }

    private static int depth(Extraction e, ExtractedPart p) {
        int d = 0;
        for (int i = p.parentIndex(); i >= 0; i = e.parts().get(i).parentIndex()) {
            d++;
        }
        return d;
    }

    static String text(Extraction e) {
        return e.parts().stream().flatMap(p -> p.blocks().stream()).map(Block::text)
                .collect(Collectors.joining("\n"));
    }
}
