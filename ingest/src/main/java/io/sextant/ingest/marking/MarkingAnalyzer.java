package io.sextant.ingest.marking;

import io.sextant.guard.detect.DetectedMarking;
import io.sextant.guard.detect.MarkingDetector;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.rollup.Rollup;
import io.sextant.guard.rollup.RollupException;
import io.sextant.ingest.Block;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Finds banner lines and portion marks in extracted blocks and decides every block's marking and the document's.
 *
 * <p>Markings are found by the guard's {@link MarkingDetector}. Rules: a portion mark at the start of a line opens a
 * portion that runs to the next mark or the end of its block;
 * banner lines are removed from the text. Text a marked document leaves unmarked takes the document's marking (never a
 * guess lower than that). The document takes the roll-up of its portions; a banner that is not that roll-up, a portion
 * above its banner, or an invalid mark flags the document for review, and the higher marking wins. An unmarked
 * document takes the fallback (declared or system-high) marking.
 */
public final class MarkingAnalyzer {
    private final MarkingDetector detector;

    /**
     * Creates an analyzer.
     *
     * @param parser the guard's parser (vocabulary and profile)
     */
    public MarkingAnalyzer(MarkingParser parser) {
        this.detector = new MarkingDetector(Objects.requireNonNull(parser, "parser"));
    }

    /**
     * Analyzes one document's blocks.
     *
     * @param blocks the document's blocks in reading order
     * @param fallback the marking an unmarked document takes
     * @param fallbackSource how the fallback was obtained (declared, system high, inherited)
     * @return blocks with markings, the document marking and review flags
     */
    public MarkingAnalysis analyze(List<Block> blocks, Marking fallback, MarkingSource fallbackSource) {
        Objects.requireNonNull(fallback, "fallback");
        List<Segment> segments = new ArrayList<>();
        List<Marking> banners = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        for (Block b : blocks) {
            split(b, segments, banners, flags);
        }
        List<Marking> portions = segments.stream().map(Segment::marking).filter(Objects::nonNull).toList();
        boolean invalid = !flags.isEmpty();
        if (portions.isEmpty() && banners.isEmpty() && !invalid) {
            List<MarkedBlock> out = new ArrayList<>();
            for (Segment s : segments) {
                out.add(new MarkedBlock(s.block(), fallback));
            }
            return new MarkingAnalysis(out, fallback, fallbackSource, List.of(), false);
        }
        Marking banner = banners.isEmpty() ? null : rollup(banners, flags, fallback);
        if (banners.stream().distinct().count() > 1) {
            flags.add("banner lines disagree: " + banners.stream().distinct().map(MarkingFormatter::banner).toList());
        }
        Marking portionRollup = portions.isEmpty() ? null : rollup(portions, flags, fallback);
        List<Marking> known = new ArrayList<>();
        if (banner != null) {
            known.add(banner);
        }
        if (portionRollup != null) {
            known.add(portionRollup);
        }
        if (banner != null && portionRollup != null && !portionRollup.equals(banner)) {
            flags.add("banner " + MarkingFormatter.banner(banner) + " is not the roll-up of the portions ("
                    + MarkingFormatter.banner(portionRollup) + ")");
            for (int i = 0; i < portions.size(); i++) {
                Marking p = portions.get(i);
                if (!rollup(List.of(banner, p), flags, fallback).equals(banner)) {
                    flags.add("portion " + (i + 1) + " " + MarkingFormatter.portion(p) + " is above the banner");
                }
            }
        }
        if (invalid || known.isEmpty()) {
            known.add(fallback);
        }
        Marking document = rollup(known, flags, fallback);
        boolean contradicted = !flags.isEmpty();
        List<MarkedBlock> out = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            Marking m = s.marking() == null ? document
                    : contradicted && banner != null ? rollup(List.of(s.marking(), banner), flags, fallback)
                    : s.marking();
            out.add(new MarkedBlock(s.block(), m));
        }
        MarkingSource source = portions.isEmpty() && banner != null ? MarkingSource.BANNER
                : portions.isEmpty() ? fallbackSource : MarkingSource.PORTIONS;
        return new MarkingAnalysis(out, document, source, new ArrayList<>(new LinkedHashSet<>(flags)), true);
    }

    private void split(Block b, List<Segment> segments, List<Marking> banners, List<String> flags) {
        String text = b.text();
        StringBuilder current = new StringBuilder();
        Marking marking = null;
        int cursor = 0;
        for (DetectedMarking d : detector.detect(text)) {
            if (d.kind() == DetectedMarking.Kind.EMBEDDED || d.start() < cursor) {
                continue;
            }
            current.append(text, cursor, d.start());
            emit(b, current, marking, segments);
            if (d.kind() == DetectedMarking.Kind.BANNER_LINE) {
                switch (d.outcome()) {
                    case DetectedMarking.Valid v -> banners.add(v.parsed().marking());
                    case DetectedMarking.Invalid i -> flags.add("invalid banner line at character " + i.position()
                            + ": " + i.reason());
                }
                // Text after a banner line is governed by no portion mark until the next one.
                marking = null;
                cursor = d.end();
            } else {
                switch (d.outcome()) {
                    case DetectedMarking.Valid v -> marking = v.parsed().marking();
                    case DetectedMarking.Invalid i -> {
                        flags.add("invalid portion mark at character " + i.position() + ": " + i.reason());
                        marking = null;
                    }
                }
                cursor = d.start();
            }
        }
        current.append(text, cursor, text.length());
        emit(b, current, marking, segments);
    }

    private static void emit(Block b, StringBuilder text, Marking marking, List<Segment> segments) {
        String t = text.toString().strip();
        if (!t.isEmpty()) {
            segments.add(new Segment(new Block(b.kind(), t, b.headingLevel(), b.headings(), b.page()), marking));
        }
        text.setLength(0);
    }

    /** Rolls up; when the guard finds no canonical banner, fails closed to the highest level seen and flags it. */
    private static Marking rollup(List<Marking> markings, List<String> flags, Marking fallback) {
        if (markings.size() == 1) {
            return markings.get(0);
        }
        try {
            return Rollup.of(markings);
        } catch (RollupException e) {
            flags.add("no roll-up for these markings: " + e.getMessage());
            List<Marking> all = new ArrayList<>(markings);
            all.add(fallback);
            return all.stream().max(Comparator.comparing(Marking::level)).orElse(fallback);
        }
    }

    private record Segment(Block block, Marking marking) {
    }
}
