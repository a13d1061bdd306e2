package io.sextant.appliance.corpus;

import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.job.IngestReport;
import io.sextant.ingest.job.IngestRequest;
import io.sextant.ingest.job.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small marked corpus on disk for tests: a SECRET//NOFORN convoy report with an unclassified portion, and an
 * unclassified harbour report; plus the clearances that see more or less of it.
 */
public final class MarkedCorpus {

    /** Sees everything: a US SECRET clearance. */
    public static final Clearance US_SECRET = Clearance.parse("level=S;country=USA",
            MarkingParser.defaultParser().vocabulary());
    /** A British SECRET clearance: NOFORN passages are hidden. */
    public static final Clearance GBR_SECRET = Clearance.parse("level=S;country=GBR",
            MarkingParser.defaultParser().vocabulary());

    /** Text only the US user may see. */
    public static final String HIDDEN_FACT = "forty trucks of the 11th Guards Brigade";

    private MarkedCorpus() {
    }

    /**
     * Writes the documents into a folder.
     *
     * @param dir the folder
     * @return the folder
     * @throws IOException on write errors
     */
    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("convoy-report.txt"), """
                SECRET//NOFORN

                (S//NF) A convoy of %s moved north along Route 7 toward the border crossing at 0600 local time.

                (U) Weather along Route 7 was clear with good visibility for the whole convoy movement period.

                (S//NF) Fuel trucks followed the convoy, suggesting a sustained deployment rather than an exercise.

                SECRET//NOFORN
                """.formatted(HIDDEN_FACT));
        Files.writeString(dir.resolve("harbor-report.txt"), """
                UNCLASSIFIED

                (U) The frigate left the harbor at dawn and headed south; commercial traffic in the harbor was normal.

                (U) Port authorities announced that the convoy escort exercise near the harbor ended on schedule.

                UNCLASSIFIED
                """);
        return dir;
    }

    /**
     * Opens a corpus in a data directory and ingests the documents.
     *
     * @param data the data directory
     * @param docs where to write the documents
     * @return the open corpus
     * @throws IOException on write errors
     */
    public static Corpus ingest(Path data, Path docs) throws IOException {
        Corpus c = Corpus.open(data, Corpus.Options.defaults());
        IngestReport r = c.ingest(List.of(write(docs)), new IngestRequest("ops",
                MarkingParser.defaultParser().parsePortion("(U)").marking(), null), ProgressListener.NONE);
        if (r.summary().ingested() != 2) {
            c.close();
            throw new IllegalStateException("expected two ingested documents: " + r.summary());
        }
        return c;
    }
}
