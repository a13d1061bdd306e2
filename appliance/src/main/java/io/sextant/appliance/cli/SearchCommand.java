package io.sextant.appliance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.marking.Vocabulary;
import io.sextant.retrieval.embed.Embedder;
import io.sextant.retrieval.embed.OnnxEmbedder;
import io.sextant.retrieval.index.ReadOnlyIndex;
import io.sextant.retrieval.search.FusionSettings;
import io.sextant.retrieval.search.Hit;
import io.sextant.retrieval.search.MetadataFilter;
import io.sextant.retrieval.search.Mode;
import io.sextant.retrieval.search.PassageSearcher;
import io.sextant.retrieval.search.SearchRequest;
import io.sextant.retrieval.search.SearchResult;
import io.sextant.retrieval.security.GuardVisibilityLabels;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sextant search}: ranked passages as one clearance sees them, from the last commit of the index under
 * {@code <data-dir>/index}. Users (and {@code --user}) arrive with the server; until then the clearance is given
 * directly.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the index as a given clearance sees it (hybrid BM25 + embeddings by default).")
final class SearchCommand implements Callable<Integer> {

    @ParentCommand
    private SextantCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The query text.")
    private String query;

    @Option(names = "--clearance", required = true, paramLabel = "SPEC",
            description = "The searching user's clearance, e.g. \"level=S;sci=SI;country=USA\".")
    private String clearance;

    @Option(names = "--k", defaultValue = "10", paramLabel = "N", description = "How many hits (default 10).")
    private int k;

    @Option(names = "--mode", defaultValue = "hybrid", paramLabel = "MODE",
            description = "bm25, dense or hybrid (default hybrid).")
    private Mode mode;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Clearance user;
        try {
            user = Clearance.parse(clearance, Vocabulary.defaults());
        } catch (IllegalArgumentException e) {
            err.println("sextant search: invalid --clearance: " + e.getMessage());
            return 2;
        }
        Path indexDir = root.dataDir().resolve("index");
        try (ReadOnlyIndex index = new ReadOnlyIndex(indexDir, new GuardVisibilityLabels());
             Embedder embedder = mode == Mode.BM25 ? null : new OnnxEmbedder()) {
            PassageSearcher searcher = new PassageSearcher(index, embedder, FusionSettings.defaults(),
                    MarkingParser.defaultParser());
            SearchResult r = searcher.search(new SearchRequest(query, user, k, mode, MetadataFilter.NONE, true, true));
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
            } else {
                print(out, r);
            }
            out.flush();
            return 0;
        } catch (java.io.IOException e) {
            err.println("sextant search: " + e.getMessage());
            return 1;
        }
    }

    private static void print(PrintWriter out, SearchResult r) {
        if (r.hits().isEmpty()) {
            out.println("No results.");
            return;
        }
        out.printf("%d matching passages; top %d:%n", r.totalVisible(), r.hits().size());
        int n = 1;
        for (Hit h : r.hits()) {
            out.printf("%2d. %s %s  [doc %s #%d%s%s]  score %.4f%n", n++, h.portionMark(), h.title(), h.documentId(),
                    h.ordinal(), h.page() == null ? "" : ", p. " + h.page(),
                    h.headingPath().isEmpty() ? "" : ", " + String.join(" > ", h.headingPath()), h.score());
            out.println("    " + h.portionMark() + " " + h.snippet());
        }
    }
}
