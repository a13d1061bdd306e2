package io.sextant.ingest.isolate;

import io.sextant.ingest.Extraction;
import io.sextant.ingest.ExtractionLimits;
import io.sextant.ingest.QuarantineReason;
import io.sextant.ingest.tika.TikaTextExtractor;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Main class of a parsing child JVM. Reads requests (a file path) from stdin and answers each with an encoded
 * {@link Extraction} on stdout. Everything else the libraries print goes to stderr, so stdout carries only the
 * protocol. Exits when stdin closes.
 */
public final class ExtractorChild {
    /** Request header; a file path follows. */
    static final int REQUEST = 0x52455131;
    /** Sent once Tika is loaded, so that start-up time never counts against a file's timeout. */
    static final int READY = 0x52454459;

    private ExtractorChild() {
    }

    /**
     * Runs the child loop.
     *
     * @param args maxFileBytes, maxChars, maxEmbeddedDepth, maxEmbeddedResources, maxCompressionRatio, ocr
     *     (true/false)
     * @throws IOException if the parent's pipes break
     */
    public static void main(String[] args) throws IOException {
        serve(args, file -> { });
    }

    /**
     * The request loop, with a hook run before each file (tests use it to simulate hangs, crashes and OOM).
     *
     * @param args as for {@link #main}
     * @param beforeExtract called with each requested file before parsing
     * @throws IOException if the parent's pipes break
     */
    static void serve(String[] args, Consumer<Path> beforeExtract) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        ExtractionLimits limits = new ExtractionLimits(Long.parseLong(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Integer.parseInt(args[3]), Duration.ofDays(1), Long.parseLong(args[4]));
        TikaTextExtractor extractor = new TikaTextExtractor(limits, Boolean.parseBoolean(args[5]));
        out.writeInt(READY);
        out.flush();
        while (true) {
            int header;
            try {
                header = in.readInt();
            } catch (EOFException e) {
                return;
            }
            if (header != REQUEST) {
                throw new IOException("protocol error: bad request header");
            }
            Path file = Path.of(WireFormat.readString(in));
            Extraction result;
            try {
                beforeExtract.accept(file);
                result = extractor.extract(file);
            } catch (RuntimeException | StackOverflowError e) {
                result = Extraction.failed(QuarantineReason.CORRUPT, "parser failure: " + e.getClass().getName());
            }
            WireFormat.writeExtraction(out, result);
            out.flush();
        }
    }
}
