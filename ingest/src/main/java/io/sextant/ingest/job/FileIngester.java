package io.sextant.ingest.job;

import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.rollup.Rollup;
import io.sextant.guard.rollup.RollupException;
import io.sextant.ingest.ExtractedPart;
import io.sextant.ingest.Extraction;
import io.sextant.ingest.Passage;
import io.sextant.ingest.chunk.StructureChunker;
import io.sextant.ingest.marking.MarkingAnalysis;
import io.sextant.ingest.marking.MarkingAnalyzer;
import io.sextant.ingest.marking.MarkingSource;
import io.sextant.ingest.store.PreparedDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns one file's extraction into documents ready to store: markings per part (an unmarked embedded document inherits
 * its container's marking), passages, and the roll-up of every container over what it contains.
 */
final class FileIngester {
    private final MarkingAnalyzer analyzer;
    private final StructureChunker chunker;

    FileIngester(MarkingAnalyzer analyzer, StructureChunker chunker) {
        this.analyzer = analyzer;
        this.chunker = chunker;
    }

    /** Prepared documents (file first) and the failures of embedded parts (path, reason label, detail). */
    record Prepared(List<PreparedDocument> documents, List<String[]> failures) {
    }

    Prepared prepare(Extraction extraction, IngestRequest request) {
        List<ExtractedPart> parts = extraction.parts();
        int[] preparedIndex = new int[parts.size()];
        List<ExtractedPart> kept = new ArrayList<>();
        List<Integer> parentOf = new ArrayList<>();
        List<MarkingAnalysis> analyses = new ArrayList<>();
        List<String[]> failures = new ArrayList<>();
        for (ExtractedPart p : parts) {
            int parent = p.parentIndex();
            while (parent > 0 && preparedIndex[parent] < 0) {
                parent = parts.get(parent).parentIndex();
            }
            if (p.failure() != null && p.index() > 0) {
                failures.add(new String[] {p.embeddedPath(), p.failure().label(), p.note()});
                preparedIndex[p.index()] = -1;
                continue;
            }
            int parentPrepared = parent < 0 ? -1 : preparedIndex[parent];
            Marking fallback = parentPrepared < 0 ? request.fallback() : analyses.get(parentPrepared).document();
            MarkingSource source = parentPrepared >= 0 ? MarkingSource.INHERITED
                    : request.declared() != null ? MarkingSource.DECLARED : MarkingSource.SYSTEM_HIGH;
            preparedIndex[p.index()] = kept.size();
            kept.add(p);
            parentOf.add(parentPrepared);
            analyses.add(analyzer.analyze(p.blocks(), fallback, source));
        }
        Marking[] finalMarking = new Marking[kept.size()];
        List<List<String>> flags = new ArrayList<>();
        for (MarkingAnalysis a : analyses) {
            finalMarking[flags.size()] = a.document();
            flags.add(new ArrayList<>(a.reviewFlags()));
        }
        // Children come after their parents: fold each into its parent from the end.
        for (int i = kept.size() - 1; i > 0; i--) {
            int parent = parentOf.get(i);
            if (parent >= 0) {
                finalMarking[parent] = higher(finalMarking[parent], finalMarking[i], flags.get(parent));
            }
        }
        List<PreparedDocument> docs = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            List<Passage> passages = chunker.chunk(analyses.get(i).blocks());
            docs.add(new PreparedDocument(kept.get(i), parentOf.get(i), MarkingFormatter.banner(finalMarking[i]),
                    analyses.get(i).source().name(), flags.get(i), passages));
        }
        return new Prepared(docs, failures);
    }

    private static Marking higher(Marking a, Marking b, List<String> flags) {
        if (a.equals(b)) {
            return a;
        }
        try {
            return Rollup.of(List.of(a, b));
        } catch (RollupException e) {
            flags.add("no roll-up of container and embedded markings: " + e.getMessage());
            return List.of(a, b).stream().max(Comparator.comparing(Marking::level)).orElse(a);
        }
    }
}
