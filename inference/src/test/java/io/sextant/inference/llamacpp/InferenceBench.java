package io.sextant.inference.llamacpp;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import io.sextant.inference.Cancellation;
import io.sextant.inference.ChatMessage;
import io.sextant.inference.GenerationRequest;
import io.sextant.inference.GenerationSettings;
import io.sextant.inference.gguf.GgmlType;
import io.sextant.inference.gguf.GgufReader;
import io.sextant.inference.gguf.testing.TinyLlama;
import io.sextant.inference.prompt.ChatTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The inference benchmark (run with {@code inference/bin/bench}; not a test). On a random-weight LLaMA model of a
 * realistic shape written by {@link TinyLlama}, it measures single-stream decode tokens/s and time to first token
 * through Sextant's engine against java-llama.cpp's lowest-level streaming call on the same loaded model with the
 * same sampling parameters (runs alternate to cancel drift), then aggregate tokens/s with 1, 4 and 16 concurrent requests.
 */
public final class InferenceBench {

    /** One run: time to first piece, decode rate, pieces, and CPU time the calling thread spent (binding + Sextant). */
    private record Run(double ttftMs, double decodeTokPerS, int pieces, long callerCpuNanos) {
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private InferenceBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args [model cache dir] [reps] [tokens] [all|single]
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/sextant-bench");
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int tokens = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int threads = Runtime.getRuntime().availableProcessors();
        TinyLlama.Spec spec = new TinyLlama.Spec(1024, 24, 16, 4, 2816, 4096, 32000, GgmlType.Q8_0, 
                TinyLlama.CHATML_TEMPLATE, 7);
        Path model = dir.resolve("bench-llama-q8_0.gguf");
        if (!Files.exists(model)) {
            long t0 = System.nanoTime();
            TinyLlama.write(model, spec);
            System.out.printf(Locale.ROOT, "wrote %s in %.1f s%n", model, (System.nanoTime() - t0) / 1e9);
        }
        var meta = GgufReader.read(model);
        System.out.printf(Locale.ROOT, "model: %s, %s, %,d parameters, %.0f MB; %d threads; %d tokens x %d reps%n",
                meta.architecture(), meta.quantization(), meta.parameterCount(), Files.size(model) / 1e6, threads,
                tokens, reps);
        LlamaSettings settings = new LlamaSettings(model, 0, 16 * 256, threads, 16, 64, Duration.ofMinutes(10), 1);
        try (LlamaCppEngine engine = LlamaCppEngine.load(settings)) {
            LlamaModel raw = engine.nativeModel();
            singleStream(engine, raw, reps, tokens);
            if (args.length < 4 || !args[3].equals("single")) {
                for (int n : new int[] {1, 4, 16}) {
                    concurrent(engine, n, Math.max(16, tokens / 2));
                }
            }
        }
        System.exit(0);
    }

    private static List<ChatMessage> messages(String tag) {
        return List.of(ChatMessage.system("You are a careful analyst."),
                ChatMessage.user(tag + " Summarise the movement of the convoy near the river crossing."));
    }

    private static void singleStream(LlamaCppEngine engine, LlamaModel raw, int reps, int tokens) {
        GenerationSettings gs = GenerationSettings.DEFAULTS.withTemperature(0).withMaxTokens(tokens);
        List<Run> sextant = new ArrayList<>();
        List<Run> direct = new ArrayList<>();
        for (int i = -1; i < reps; i++) {
            String prompt = ChatTemplate.CHATML.render(messages("R" + (100 + i)));
            GenerationRequest req = new GenerationRequest(messages("S" + (100 + i)),
                    io.sextant.inference.GroundingContext.NONE, gs);
            Run d;
            Run s;
            if ((i & 1) == 0) {
                d = rawRun(raw, prompt, gs);
                s = engineRun(engine, req);
            } else {
                s = engineRun(engine, req);
                d = rawRun(raw, prompt, gs);
            }
            if (i >= 0) {
                direct.add(d);
                sextant.add(s);
            }
        }
        report("java-llama.cpp direct", direct);
        report("Sextant LlamaCppEngine", sextant);
        double rt = median(direct.stream().mapToDouble(Run::decodeTokPerS).toArray());
        double st = median(sextant.stream().mapToDouble(Run::decodeTokPerS).toArray());
        double rf = median(direct.stream().mapToDouble(Run::ttftMs).toArray());
        double sf = median(sextant.stream().mapToDouble(Run::ttftMs).toArray());
        System.out.printf(Locale.ROOT, "overhead of medians: decode tokens/s %+.1f%%, time to first token %+.1f%%%n",
                (rt - st) / rt * 100, (sf - rf) / rf * 100);
        // each pair ran back to back, so the ratio within a pair cancels most of the machine's load drift
        double[] decodeRatio = new double[reps];
        double[] ttftRatio = new double[reps];
        for (int i = 0; i < reps; i++) {
            decodeRatio[i] = direct.get(i).decodeTokPerS() / sextant.get(i).decodeTokPerS();
            ttftRatio[i] = sextant.get(i).ttftMs() / direct.get(i).ttftMs();
        }
        System.out.printf(Locale.ROOT, "overhead, median of paired ratios: decode time %+.1f%% %s, "
                + "time to first token %+.1f%% %s%n", (median(decodeRatio) - 1) * 100, rounded(decodeRatio),
                (median(ttftRatio) - 1) * 100, rounded(ttftRatio));
        // llama.cpp decodes on its own server thread; the calling thread's CPU is the binding's plus Sextant's
        double rawCpu = median(direct.stream().mapToDouble(r -> r.callerCpuNanos() / 1e3 / r.pieces()).toArray());
        double engCpu = median(sextant.stream().mapToDouble(r -> r.callerCpuNanos() / 1e3 / r.pieces()).toArray());
        double msPerToken = 1000 / rt;
        System.out.printf(Locale.ROOT, "calling-thread CPU per token (median): direct %.0f us, Sextant %.0f us; "
                + "Sextant adds %.0f us per token = %.2f%% of a %.1f ms token%n", rawCpu, engCpu, engCpu - rawCpu,
                (engCpu - rawCpu) / 1e3 / msPerToken * 100, msPerToken);
    }

    private static Run rawRun(LlamaModel raw, String prompt, GenerationSettings gs) {
        InferenceParameters p = new InferenceParameters(prompt).setNPredict(gs.maxTokens())
                .setTemperature((float) gs.temperature()).setTopP((float) gs.topP()).setSeed((int) gs.seed())
                .setCachePrompt(true).setTopK(1);
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long first = 0;
        long last = 0;
        int pieces = 0;
        LlamaIterator it = raw.generate(p).iterator();
        while (it.hasNext()) {
            LlamaOutput o = it.next();
            if (!o.text.isEmpty()) {
                last = System.nanoTime();
                first = first == 0 ? last : first;
                pieces++;
            }
        }
        return run(start, first, last, pieces, THREADS.getCurrentThreadCpuTime() - cpu0);
    }

    private static Run engineRun(LlamaCppEngine engine, GenerationRequest r) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        int[] pieces = new int[1];
        engine.generate(r, piece -> {
            long now = System.nanoTime();
            first.compareAndSet(0, now);
            last.set(now);
            pieces[0]++;
        }, Cancellation.create());
        return run(start, first.get(), last.get(), pieces[0], THREADS.getCurrentThreadCpuTime() - cpu0);
    }

    private static Run run(long start, long first, long last, int pieces, long cpu) {
        double decode = pieces > 1 ? (pieces - 1) / ((last - first) / 1e9) : 0;
        return new Run((first - start) / 1e6, decode, pieces, cpu);
    }

    private static void report(String label, List<Run> runs) {
        System.out.printf(Locale.ROOT, "%-24s decode %.2f tokens/s (median; runs %s), TTFT %.0f ms (median), "
                + "pieces %s%n", label, median(runs.stream().mapToDouble(Run::decodeTokPerS).toArray()),
                Arrays.toString(runs.stream().mapToDouble(r -> Math.round(r.decodeTokPerS() * 10) / 10.0).toArray()),
                median(runs.stream().mapToDouble(Run::ttftMs).toArray()),
                runs.stream().map(r -> String.valueOf(r.pieces())).toList());
    }

    private static void concurrent(LlamaCppEngine engine, int n, int tokens) throws Exception {
        GenerationSettings gs = GenerationSettings.DEFAULTS.withTemperature(0.7).withMaxTokens(tokens);
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            long start = System.nanoTime();
            List<Future<io.sextant.inference.Completion>> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                GenerationRequest r = new GenerationRequest(messages("C" + n + "-" + i),
                        io.sextant.inference.GroundingContext.NONE, gs.withSeed(i));
                fs.add(pool.submit(() -> engine.generate(r)));
            }
            int total = 0;
            double[] ttft = new double[n];
            for (int i = 0; i < n; i++) {
                io.sextant.inference.Completion c = fs.get(i).get();
                total += c.completionTokens();
                ttft[i] = c.timeToFirstToken().toMillis() / 1000.0;
            }
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "concurrency %2d: %4d tokens in %5.1f s = %.1f tokens/s aggregate "
                    + "(prompt processing included; median time to first token %.1f s)%n", n, total, s, total / s,
                    median(ttft));
        }
    }

    private static String rounded(double[] xs) {
        return Arrays.toString(Arrays.stream(xs).map(x -> Math.round(x * 1000) / 1000.0).toArray());
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length == 0 ? 0 : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
