package io.sextant.inference.extractive;

import io.sextant.inference.Cancellation;
import io.sextant.inference.Completion;
import io.sextant.inference.EngineInfo;
import io.sextant.inference.FinishReason;
import io.sextant.inference.GenerationRequest;
import io.sextant.inference.Generator;
import io.sextant.inference.InvalidRequestException;
import io.sextant.inference.OutputConstraint;
import io.sextant.inference.Passage;
import io.sextant.inference.TokenSink;
import io.sextant.inference.prompt.StopFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine used when no model is installed: it answers from the grounding passages alone. Sentences are ranked by
 * relevance to the request (TF-IDF cosine) and picked by maximal marginal relevance so that the answer covers
 * different points instead of repeating one; each is quoted verbatim, followed by its passage's citation {@code [n]},
 * under a first line that says plainly that no generative model is installed. It keeps every workflow usable and
 * testable on a machine without weights, and it cannot say anything the passages do not.
 */
public final class ExtractiveEngine implements Generator {

    /** The first line of every answer. */
    public static final String NOTICE = "No generative model is installed; these sentences are quoted verbatim from"
            + " the retrieved passages.";
    /** The answer when no passage was retrieved. */
    public static final String NO_PASSAGES = "No generative model is installed, and no passages were retrieved for"
            + " this request, so there is nothing to quote.";
    /** The answer when no passage matches the request. */
    public static final String NO_MATCH = "No generative model is installed, and none of the retrieved passages"
            + " matches the request.";

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");

    private final double lambda;
    private final int maxSentences;

    /**
     * An engine.
     *
     * @param lambda MMR's trade-off: 1 ranks by relevance only, 0 by novelty only
     * @param maxSentences the most sentences an answer quotes
     */
    public ExtractiveEngine(double lambda, int maxSentences) {
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("lambda must be in [0, 1], got " + lambda);
        }
        if (maxSentences < 1) {
            throw new IllegalArgumentException("maxSentences must be >= 1, got " + maxSentences);
        }
        this.lambda = lambda;
        this.maxSentences = maxSentences;
    }

    /** An engine with λ = 0.7 and up to 6 sentences. */
    public ExtractiveEngine() {
        this(0.7, 6);
    }

    /**
     * A quoted sentence.
     *
     * @param passage the passage number it comes from
     * @param text the sentence, verbatim
     * @param relevance its cosine similarity to the request
     */
    public record Quote(int passage, String text, double relevance) {
    }

    @Override
    public Completion generate(GenerationRequest request, TokenSink sink, Cancellation cancellation) {
        if (!(request.settings().constraint() instanceof OutputConstraint.None)) {
            throw new InvalidRequestException("the extractive engine quotes passages and cannot produce "
                    + "constrained (JSON or grammar) output; install a model for this workflow");
        }
        long start = System.nanoTime();
        List<String> lines = new ArrayList<>();
        if (request.grounding().isEmpty()) {
            lines.add(NO_PASSAGES);
        } else {
            List<Quote> quotes = select(request);
            lines.add(quotes.isEmpty() ? NO_MATCH : NOTICE);
            int budget = request.settings().maxTokens() - countTokens(lines.getFirst());
            for (Quote q : quotes) {
                String line = q.text() + " [" + q.passage() + "]";
                budget -= countTokens(line);
                if (budget < 0) {
                    break;
                }
                lines.add(line);
            }
        }
        StopFilter stop = new StopFilter(request.settings().stop());
        StringBuilder text = new StringBuilder();
        long first = 0;
        FinishReason reason = FinishReason.END_OF_TURN;
        for (int i = 0; i < lines.size(); i++) {
            if (cancellation.isCancelled()) {
                reason = FinishReason.CANCELLED;
                break;
            }
            String piece = stop.accept((i == 0 ? "" : i == 1 ? "\n\n" : "\n") + lines.get(i));
            if (!piece.isEmpty()) {
                first = first == 0 ? System.nanoTime() : first;
                sink.accept(piece);
                text.append(piece);
            }
            if (stop.matched()) {
                reason = FinishReason.STOP_SEQUENCE;
                break;
            }
        }
        String tail = reason == FinishReason.END_OF_TURN ? stop.finish() : "";
        if (!tail.isEmpty()) {
            sink.accept(tail);
            text.append(tail);
        }
        return new Completion(text.toString(), countPromptTokens(request), countTokens(text.toString()), reason,
                first == 0 ? Duration.ZERO : Duration.ofNanos(first - start), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Picks the sentences to quote, in the order they will appear.
     *
     * @param request the request with its passages
     * @return the quotes, most relevant first, at most {@code maxSentences}
     */
    public List<Quote> select(GenerationRequest request) {
        List<Integer> from = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (Passage p : request.grounding().passages()) {
            for (String s : Sentences.split(p.text())) {
                from.add(p.number());
                sentences.add(s);
            }
        }
        List<Map<String, Double>> tfs = sentences.stream().map(Terms::of).toList();
        Map<String, Double> idf = new HashMap<>();
        tfs.forEach(tf -> tf.keySet().forEach(t -> idf.merge(t, 1.0, Double::sum)));
        int n = sentences.size();
        idf.replaceAll((t, df) -> Math.log(1 + n / df));
        double maxIdf = Math.log(1 + n);
        List<Map<String, Double>> vecs = tfs.stream().map(tf -> Terms.weigh(tf, idf, maxIdf)).toList();
        Map<String, Double> query = Terms.weigh(Terms.of(request.question()), idf, maxIdf);
        double[] rel = new double[n];
        for (int i = 0; i < n; i++) {
            rel[i] = Terms.cosine(query, vecs.get(i));
        }
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < Math.min(maxSentences, n)) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (rel[i] <= 0 || chosen.contains(i)) {
                    continue;
                }
                double redundancy = 0;
                for (int j : chosen) {
                    redundancy = Math.max(redundancy, sentences.get(i).equals(sentences.get(j)) ? 1
                            : Terms.cosine(vecs.get(i), vecs.get(j)));
                }
                double score = lambda * rel[i] - (1 - lambda) * redundancy;
                if (score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            if (best < 0 || redundancy(best, chosen, sentences) >= 1) {
                break;
            }
            chosen.add(best);
        }
        return chosen.stream().map(i -> new Quote(from.get(i), sentences.get(i), rel[i])).toList();
    }

    private static double redundancy(int i, List<Integer> chosen, List<String> sentences) {
        return chosen.stream().anyMatch(j -> sentences.get(j).equals(sentences.get(i))) ? 1 : 0;
    }

    @Override
    public int countTokens(String text) {
        Matcher m = TOKEN.matcher(text);
        int n = 0;
        while (m.find()) {
            n += 1 + (m.end() - m.start()) / 8;
        }
        return n;
    }

    @Override
    public int countPromptTokens(GenerationRequest request) {
        int n = 0;
        for (var m : request.messages()) {
            n += countTokens(m.content());
        }
        for (Passage p : request.grounding().passages()) {
            n += countTokens(p.text());
        }
        return n;
    }

    @Override
    public EngineInfo info() {
        return new EngineInfo("extractive", "none", 0, "CPU");
    }

    @Override
    public void close() {
        // holds no resources
    }
}
