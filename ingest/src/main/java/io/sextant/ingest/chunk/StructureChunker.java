package io.sextant.ingest.chunk;

import io.sextant.guard.marking.Marking;
import io.sextant.ingest.Block;
import io.sextant.ingest.BlockKind;
import io.sextant.ingest.Passage;
import io.sextant.ingest.marking.MarkedBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Packs marked blocks into passages: paragraphs, list items and tables are kept whole when they fit the target; a
 * heading starts a new passage and stays the context (heading path) of the passages under it; a change of marking or
 * page always ends a passage, so a passage never straddles two portions. Blocks larger than the target are cut at
 * sentence (or table row) boundaries, with the configured overlap between the pieces.
 */
public final class StructureChunker {
    private final ChunkSettings settings;

    /**
     * Creates a chunker.
     *
     * @param settings sizes
     */
    public StructureChunker(ChunkSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Chunks one document.
     *
     * @param blocks the document's marked blocks in reading order
     * @return passages in order, ordinals from 0
     */
    public List<Passage> chunk(List<MarkedBlock> blocks) {
        Builder b = new Builder();
        for (MarkedBlock mb : blocks) {
            Block block = mb.block();
            boolean boundary = b.open() && (!mb.marking().equals(b.marking) || block.page() != b.page
                    || block.kind() == BlockKind.HEADING && !b.onlyHeadings);
            if (boundary) {
                b.flush(false);
            }
            int t = ChunkSettings.tokens(block.text());
            if (b.open() && b.tokens + t > settings.targetTokens()) {
                b.flush(false);
            }
            if (t <= settings.targetTokens()) {
                b.add(mb, block.text());
                continue;
            }
            for (String piece : split(block)) {
                if (b.open() && b.tokens + ChunkSettings.tokens(piece) > settings.targetTokens()) {
                    b.flush(true);
                }
                b.add(mb, piece);
            }
        }
        b.flush(false);
        return b.passages;
    }

    /** Cuts an oversized block into pieces of at most the target size at sentence or row boundaries. */
    private List<String> split(Block block) {
        String[] units = block.kind() == BlockKind.TABLE ? block.text().split("\n")
                : block.text().split("(?<=[.!?;:])\\s+|\\n");
        List<String> out = new ArrayList<>();
        int max = settings.targetTokens() * 4;
        for (String u : units) {
            String s = u.strip();
            while (s.length() > max) {
                int cut = s.lastIndexOf(' ', max);
                cut = cut < max / 2 ? max : cut;
                out.add(s.substring(0, cut).strip());
                s = s.substring(cut).strip();
            }
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Accumulates the passage being built. */
    private final class Builder {
        final List<Passage> passages = new ArrayList<>();
        final List<String> pieces = new ArrayList<>();
        List<String> headings = List.of();
        Marking marking;
        int page = -1;
        int tokens;
        int fresh;
        boolean onlyHeadings = true;

        /** Whether the passage holds text beyond the overlap carried from the previous one. */
        boolean open() {
            return fresh > 0;
        }

        void add(MarkedBlock mb, String text) {
            if (!open()) {
                if (!mb.marking().equals(marking) || mb.block().page() != page) {
                    pieces.clear();
                    tokens = 0;
                }
                marking = mb.marking();
                page = mb.block().page();
                headings = contextOf(mb.block());
                onlyHeadings = true;
            }
            pieces.add(text);
            fresh++;
            tokens += ChunkSettings.tokens(text) + 1;
            onlyHeadings &= mb.block().kind() == BlockKind.HEADING;
        }

        /** Ends the passage; with {@code overlap}, the next one starts with the tail of this one. */
        void flush(boolean overlap) {
            if (!open()) {
                return;
            }
            fresh = 0;
            passages.add(new Passage(passages.size(), String.join("\n", pieces), headings, page, marking));
            List<String> tail = new ArrayList<>();
            if (overlap && settings.overlapTokens() > 0) {
                int t = 0;
                for (int i = pieces.size() - 1; i >= 0; i--) {
                    int pt = ChunkSettings.tokens(pieces.get(i));
                    if (t + pt > settings.overlapTokens()) {
                        break;
                    }
                    tail.add(0, pieces.get(i));
                    t += pt;
                }
            }
            pieces.clear();
            tokens = 0;
            for (String s : tail) {
                pieces.add(s);
                tokens += ChunkSettings.tokens(s) + 1;
            }
            onlyHeadings = false;
        }

        private List<String> contextOf(Block block) {
            if (block.kind() != BlockKind.HEADING) {
                return block.headings();
            }
            List<String> h = new ArrayList<>(block.headings());
            h.add(block.text());
            return h;
        }
    }
}
