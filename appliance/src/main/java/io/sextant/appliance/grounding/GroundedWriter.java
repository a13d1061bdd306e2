package io.sextant.appliance.grounding;

import io.sextant.appliance.corpus.Evidence;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.output.GuardRequest;
import io.sextant.guard.output.GuardResult;
import io.sextant.guard.output.OutputGuard;
import io.sextant.guard.output.Paragraph;
import io.sextant.guard.output.Source;
import io.sextant.guard.rollup.Rollup;
import io.sextant.inference.Cancellation;
import io.sextant.inference.ChatMessage;
import io.sextant.inference.Completion;
import io.sextant.inference.GenerationRequest;
import io.sextant.inference.GenerationSettings;
import io.sextant.inference.Generator;
import io.sextant.inference.GroundingContext;
import io.sextant.inference.Passage;
import io.sextant.inference.TokenSink;
import io.sextant.inference.extractive.ExtractiveEngine;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes one grounded product: the evidence (already trimmed to the analyst) is numbered and handed to the engine,
 * the text streams out as it is generated, then every paragraph's {@code [n]} citations are checked against what was
 * offered (a citation to a passage that was not offered is removed and reported), and the paragraphs, with the
 * passages each cites, go through the {@link OutputGuard}: portion marks, banner, authority block, or a refusal.
 * <p>The stream is safe to show before the guard's verdict because the engine saw nothing but passages the analyst
 * may see; it is shown under the provisional banner (the roll-up of everything offered, an upper bound of what the
 * text can derive from), and the guarded product replaces it.
 */
public final class GroundedWriter {

    /** Instructions every grounded product starts with; task instructions follow. */
    public static final String HOUSE_RULES = "You are Sextant, assisting an intelligence analyst. Write plain prose "
            + "in short paragraphs separated by blank lines. End every sentence that states a fact with the number "
            + "of the passage it comes from in square brackets, like [2]. Never write classification markings, "
            + "banners or portion marks yourself: they are computed from the passages.";

    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,4}(?:\\s*[,;]\\s*\\d{1,4})*)\\]");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");

    /**
     * What to write.
     *
     * @param instructions task instructions (system turn, after the house rules); may be empty
     * @param history      earlier turns of a conversation (user and assistant), may be empty
     * @param prompt       the request: a question, or the section to draft
     * @param evidence     the passages it may cite, best first; numbered 1.. in this order
     * @param settings     generation settings
     */
    public record Request(String instructions, List<ChatMessage> history, String prompt, List<Evidence> evidence,
            GenerationSettings settings) {
        /** Validates and freezes. */
        public Request {
            instructions = instructions == null ? "" : instructions;
            history = history == null ? List.of() : List.copyOf(history);
            Objects.requireNonNull(prompt, "prompt");
            evidence = List.copyOf(evidence);
            settings = settings == null ? GenerationSettings.DEFAULTS : settings;
        }

        /**
         * @param prompt   the question
         * @param evidence the passages
         * @return a request with default settings and no instructions or history
         */
        public static Request of(String prompt, List<Evidence> evidence) {
            return new Request("", List.of(), prompt, evidence, null);
        }
    }

    /** The outcome of one write. */
    public sealed interface Written {
        /** @return the engine's completion (text as generated, token counts, timings) */
        Completion completion();
    }

    /**
     * A marked product the analyst may receive.
     *
     * @param product   banner, marked paragraphs, authority block, review flags
     * @param citations the cited passages, by number, only those actually cited
     * @param notice    an engine notice shown beside (not inside) the product, e.g. that passages are quoted
     *                  because no model is installed; empty when none
     * @param dropped   citation numbers removed because they named no offered passage
     * @param completion the engine's completion
     */
    public record Product(GuardResult.MarkedProduct product, List<Citation> citations, String notice,
            List<Integer> dropped, Completion completion) implements Written {
    }

    /**
     * The guard withheld the product; the message says nothing about what was withheld.
     *
     * @param refusal    the guard's refusal
     * @param completion the engine's completion (never shown)
     */
    public record Refused(GuardResult.Refusal refusal, Completion completion) implements Written {
    }

    /**
     * Nothing to mark: the engine produced no product text (no passages for the extractive engine, or empty output).
     *
     * @param notice     what to tell the analyst
     * @param completion the engine's completion
     */
    public record Empty(String notice, Completion completion) implements Written {
    }

    private final Engines engines;
    private final OutputGuard guard;
    private final Clock clock;

    /**
     * @param engines the engines
     * @param guard   the output guard
     * @param clock   the product date's clock
     */
    public GroundedWriter(Engines engines, OutputGuard guard, Clock clock) {
        this.engines = engines;
        this.guard = guard;
        this.clock = clock;
    }

    /** @return the engines this writer uses */
    public Engines engines() {
        return engines;
    }

    /**
     * The banner the stream is shown under until the guard's verdict: the roll-up of every offered passage.
     *
     * @param evidence the offered passages
     * @return the roll-up, or UNCLASSIFIED when nothing was offered
     */
    public static Marking provisionalBanner(List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return Marking.UNCLASSIFIED;
        }
        return Rollup.of(evidence.stream().map(Evidence::marking).toList());
    }

    /**
     * Writes, streaming, then guards.
     *
     * @param analyst      who asks and is accountable
     * @param request      what to write
     * @param sink         receives the provisional stream
     * @param cancellation cancels generation
     * @return the guarded outcome
     */
    public Written write(Analyst analyst, Request request, TokenSink sink, Cancellation cancellation) {
        Generator g = engines.generator();
        List<Passage> numbered = new ArrayList<>();
        for (int i = 0; i < request.evidence().size(); i++) {
            Evidence e = request.evidence().get(i);
            numbered.add(new Passage(i + 1, e.sourceLabel(), e.text()));
        }
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(request.instructions().isBlank() ? HOUSE_RULES
                : HOUSE_RULES + "\n\n" + request.instructions().strip()));
        messages.addAll(request.history());
        messages.add(ChatMessage.user(request.prompt()));
        GenerationRequest gr = new GenerationRequest(messages, new GroundingContext(numbered), request.settings());
        Completion c = g.generate(gr, sink, cancellation);
        return review(analyst, request.evidence(), c);
    }

    /**
     * Guards text that was generated (or edited by the analyst) against the passages it may cite: what a draft
     * editor calls after a human changed a section.
     *
     * @param analyst  who is accountable
     * @param evidence the passages offered, numbered 1.. in order
     * @param c        the completion whose text is reviewed
     * @return the guarded outcome
     */
    public Written review(Analyst analyst, List<Evidence> evidence, Completion c) {
        Map<Integer, Evidence> numbered = new LinkedHashMap<>();
        for (int i = 0; i < evidence.size(); i++) {
            numbered.put(i + 1, evidence.get(i));
        }
        return review(analyst, numbered, c);
    }

    /**
     * Guards text whose {@code [n]} citations follow a given numbering (an edited section keeps the numbers its
     * citations already had, which need not run 1..n).
     *
     * @param analyst  who is accountable
     * @param numbered citation number → passage; every passage here is offered to the guard
     * @param c        the completion whose text is reviewed
     * @return the guarded outcome
     */
    public Written review(Analyst analyst, Map<Integer, Evidence> numbered, Completion c) {
        List<Evidence> evidence = List.copyOf(numbered.values());
        String notice = "";
        List<String> paragraphs = new ArrayList<>();
        for (String p : PARAGRAPH_BREAK.split(c.text().strip())) {
            String t = p.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.equals(ExtractiveEngine.NOTICE) || t.equals(ExtractiveEngine.NO_MATCH)
                    || t.equals(ExtractiveEngine.NO_PASSAGES)) {
                notice = t;
                continue;
            }
            paragraphs.add(t);
        }
        List<Paragraph> guarded = new ArrayList<>();
        Map<Integer, Citation> cited = new LinkedHashMap<>();
        Set<Integer> dropped = new LinkedHashSet<>();
        for (String p : paragraphs) {
            List<String> ids = new ArrayList<>();
            StringBuilder clean = new StringBuilder();
            Matcher m = CITATION.matcher(p);
            while (m.find()) {
                List<Integer> kept = new ArrayList<>();
                for (String n : m.group(1).split("\\s*[,;]\\s*")) {
                    int num = Integer.parseInt(n.strip());
                    Evidence e = numbered.get(num);
                    if (e != null) {
                        kept.add(num);
                        if (!ids.contains(e.passageId())) {
                            ids.add(e.passageId());
                        }
                        cited.putIfAbsent(num, Citation.of(num, e));
                    } else {
                        dropped.add(num);
                    }
                }
                StringBuilder rep = new StringBuilder();
                for (int k : kept) {
                    rep.append('[').append(k).append(']');
                }
                m.appendReplacement(clean, Matcher.quoteReplacement(rep.toString()));
            }
            m.appendTail(clean);
            String text = clean.toString().replaceAll("[ \\t]+([.,;:])", "$1").strip();
            if (text.isEmpty()) {
                continue;
            }
            guarded.add(ids.isEmpty() ? Paragraph.unknownProvenance(text) : new Paragraph(text, ids));
        }
        if (guarded.isEmpty()) {
            return new Empty(notice.isEmpty() ? "Nothing was written." : notice, c);
        }
        List<Source> offered = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Evidence e : evidence) {
            if (seen.add(e.passageId())) {
                offered.add(new Source(e.passageId(), e.sourceLabel(), e.marking(), null, date(e)));
            }
        }
        GuardResult r;
        try {
            r = guard.review(new GuardRequest(guarded, offered, analyst.clearance(), analyst.person(),
                    LocalDate.now(clock)));
        } catch (RuntimeException e) {
            r = GuardResult.Refusal.of(GuardResult.Reason.UNMARKABLE);
        }
        List<Citation> citations = new ArrayList<>(cited.values());
        citations.sort(java.util.Comparator.comparingInt(Citation::number));
        return switch (r) {
            case GuardResult.MarkedProduct mp -> new Product(mp, citations, notice, List.copyOf(dropped), c);
            case GuardResult.Refusal refusal -> new Refused(refusal, c);
        };
    }

    private static LocalDate date(Evidence e) {
        if (e.date() == null || e.date().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(e.date());
        } catch (java.time.format.DateTimeParseException ex) {
            return null;
        }
    }
}
