package io.sextant.appliance.bench;

import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.draft.DraftScope;
import io.sextant.appliance.draft.DraftService;
import io.sextant.appliance.draft.DraftStore;
import io.sextant.appliance.draft.DraftTemplate;
import io.sextant.appliance.draft.MarkedDraft;
import io.sextant.appliance.draft.TemplateLibrary;
import io.sextant.appliance.grounding.Analyst;
import io.sextant.appliance.grounding.Engines;
import io.sextant.appliance.grounding.GroundedWriter;
import io.sextant.appliance.platform.DataDir;
import io.sextant.appliance.platform.Database;
import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.output.OutputGuard;
import io.sextant.inference.Cancellation;
import io.sextant.ingest.job.IngestReport;
import io.sextant.ingest.job.IngestRequest;
import io.sextant.ingest.job.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Drafting time per template with the extractive engine: {@code DraftService.draft} end to end (per-section hybrid
 * retrieval as the analyst, the extractive engine, the guard per section, the draft stored in H2) on the Factbook
 * text files of {@code <shared>/eval/corpus/}, as a US SECRET analyst. Prints a Markdown table: the first (cold)
 * draft of each template and the median of the next runs. Not a test; run by hand (see docs/performance.md).
 *
 * <p>Arguments: runs per template (default 5). System property {@code sextant.shared.dir} (default {@code ../shared}).
 */
public final class DraftBench {

    private DraftBench() {
    }

    /**
     * @param args runs per template
     * @throws Exception on setup errors
     */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path shared = Path.of(System.getProperty("sextant.shared.dir", "../shared"));
        Path corpusDir = shared.resolve("eval/corpus");
        List<Path> files;
        try (Stream<Path> s = Files.list(corpusDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        Path data = Files.createTempDirectory("draft-bench");
        String topic = System.getProperty("topic", "military forces and security situation");
        Clearance clearance = Clearance.parse("level=S;country=USA", MarkingParser.defaultParser().vocabulary());
        Analyst analyst = new Analyst("bench", clearance, "All-source analyst");
        try (Corpus corpus = Corpus.open(data, Corpus.Options.defaults());
             Database db = Database.open(new DataDir(data));
             Engines engines = Engines.open(data, Engines.Config.DEFAULTS)) {
            long t0 = System.nanoTime();
            IngestReport r = corpus.ingest(files, new IngestRequest("factbook",
                    MarkingParser.defaultParser().parsePortion("(U)").marking(), null), ProgressListener.NONE);
            System.out.printf(Locale.ROOT, "ingested %d of %d files in %.1f s%n", r.summary().ingested(),
                    files.size(), (System.nanoTime() - t0) / 1e9);
            OutputGuard guard = OutputGuard.defaults();
            TemplateLibrary library = TemplateLibrary.bundled();
            DraftService service = new DraftService(corpus, new GroundedWriter(engines, guard, Clock.systemUTC()),
                    () -> library, DraftStore.open(db.dataSource()), guard, Clock.systemUTC());
            System.out.println("engine: " + engines.status().info().kind() + "; topic: " + topic + "; runs: " + runs);
            System.out.println("| template | sections (retrieving) | first draft (cold) | median of the next "
                    + (runs - 1) + " | paragraphs written |");
            System.out.println("|---|---|---|---|---|");
            for (DraftTemplate t : library.templates()) {
                List<Double> ms = new ArrayList<>();
                int paragraphs = 0;
                for (int i = 0; i < runs; i++) {
                    long s0 = System.nanoTime();
                    DraftService.Drafted d = service.draft(analyst, t.id(), topic, DraftScope.EVERYTHING,
                            Cancellation.create());
                    ms.add((System.nanoTime() - s0) / 1e6);
                    paragraphs = MarkedDraft.paragraphs(d.draft()).size();
                }
                List<Double> rest = new ArrayList<>(ms.subList(1, ms.size()));
                rest.sort(Comparator.naturalOrder());
                String median = rest.isEmpty() ? "–" : String.format(Locale.ROOT, "%.0f ms", rest.get(rest.size() / 2));
                long retrieving = t.sections().stream().filter(s -> s.passages() > 0).count();
                System.out.printf(Locale.ROOT, "| `%s` | %d (%d) | %.0f ms | **%s** | %d |%n", t.id(),
                        t.sections().size(), retrieving, ms.getFirst(), median, paragraphs);
            }
        }
    }
}
