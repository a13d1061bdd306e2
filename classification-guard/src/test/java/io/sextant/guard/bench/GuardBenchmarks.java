package io.sextant.guard.bench;

import io.sextant.guard.access.AccessPolicy;
import io.sextant.guard.access.Clearance;
import io.sextant.guard.detect.DetectedMarking;
import io.sextant.guard.detect.MarkedText;
import io.sextant.guard.detect.MarkingDetector;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.marking.Profile;
import io.sextant.guard.marking.Vocabulary;
import io.sextant.guard.rollup.Rollup;
import io.sextant.guard.rollup.RollupException;
import io.sextant.guard.visibility.RandomMarkings;
import io.sextant.guard.visibility.Visibility;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH benchmarks of the guard's hot paths: parsing, roll-up, access decisions, visibility evaluation and marking
 * detection over 1 MB of marked text, with a plain regex scan of the same text as the same-run baseline. Run with
 * {@link #main}; see docs/performance.md for the command.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class GuardBenchmarks {

    /** A regex that finds portion-mark-shaped strings: the baseline a detector is compared with. */
    static final Pattern BASELINE = Pattern.compile("\\((?:TS|S|C|U)(?://[^()\\n]{0,200})?\\)");

    /** More distinct inputs than the parser's result cache holds, so the cold benchmarks measure real parsing. */
    private static final int DISTINCT = 20_000;

    private final MarkingParser parser = new MarkingParser(Vocabulary.defaults(), Profile.IC);
    private final String[] portions = new String[DISTINCT];
    private final String[] banners = new String[DISTINCT];
    private int cold;
    private final MarkingDetector detector = MarkingDetector.defaults();
    private String text;
    private String distinctText;
    private List<Marking> ten;
    private List<Marking> hundred;
    private Marking[] markings;
    private Clearance[] clearances;
    private int next;

    /** Builds the text, the portion sets and the (marking, clearance) pairs once per fork. */
    @Setup
    public void setup() {
        for (int i = 0; i < DISTINCT; i++) {
            String sub = Integer.toString(46_656 + i, 36).toUpperCase(Locale.ROOT);
            portions[i] = "(TS//SI-G ABCD " + sub + "//OC/NF)";
            banners[i] = "TOP SECRET//SI-" + sub + "//FGI DEU GBR//REL TO USA, AUS, CAN, DEU, GBR, NZL";
        }
        text = MarkedText.generate(42, 1 << 20).text();
        distinctText = MarkedText.generate(42, 1 << 20, true).text();
        RandomMarkings gen = new RandomMarkings(new Random(42));
        ten = rollable(gen, 10);
        hundred = rollable(gen, 100);
        markings = new Marking[1024];
        clearances = new Clearance[1024];
        for (int i = 0; i < markings.length; i++) {
            markings[i] = gen.marking();
            clearances[i] = gen.clearance(markings[i]);
        }
    }

    private static List<Marking> rollable(RandomMarkings gen, int n) {
        while (true) {
            List<Marking> ms = new ArrayList<>();
            while (ms.size() < n) {
                Marking m = gen.marking();
                if (m.natoControls().isEmpty() && !m.isCui()) {
                    ms.add(m);
                }
            }
            try {
                Rollup.of(ms);
                return ms;
            } catch (RollupException e) {
                // this draw has no canonical banner: draw again
            }
        }
    }

    /** @return a parsed portion mark, a different one each call (parser cache missed) */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object parsePortion() {
        cold = cold + 1 == DISTINCT ? 0 : cold + 1;
        return parser.parsePortion(portions[cold]);
    }

    /** @return the same parsed portion mark each call (served by the parser's result cache) */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object parsePortionCached() {
        return parser.parsePortion("(TS//SI-G ABCD EFGH-XYZ//OC/NF)");
    }

    /** @return a parsed banner, a different one each call (parser cache missed) */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object parseBanner() {
        cold = cold + 1 == DISTINCT ? 0 : cold + 1;
        return parser.parseBanner(banners[cold]);
    }

    /** @return the banner of 10 portions */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object rollup10() {
        return Rollup.of(ten);
    }

    /** @return the banner of 100 portions */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object rollup100() {
        return Rollup.of(hundred);
    }

    /** @return one access decision */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object accessDecision() {
        int i = next++ & 1023;
        return AccessPolicy.decide(clearances[i], markings[i]);
    }

    /** @return one label built and evaluated against a user's authorizations */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public boolean visibilityEvaluate() {
        int i = next++ & 1023;
        return Visibility.of(markings[i]).evaluate(Visibility.authorizations(clearances[i]));
    }

    /** @return banner lines and line-start portion marks in 1 MB */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<DetectedMarking> detect1MB() {
        return detector.detect(text);
    }

    /** @return line-start marks in 1 MB where every portion mark is different (worst case: no repeats) */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 5, time = 1)
    @Measurement(iterations = 5, time = 1)
    public List<DetectedMarking> detectDistinct1MB() {
        // A fresh parser each call: its result cache must not carry marks over from the previous invocation.
        return new MarkingDetector(new MarkingParser(Vocabulary.defaults(), Profile.IC)).detect(distinctText);
    }

    /** @return every marking-like string in 1 MB (claims scan) */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<DetectedMarking> detectAll1MB() {
        return detector.detectAll(text);
    }

    /** @return how many portion-shaped strings a plain regex finds in 1 MB: the baseline */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int regexBaseline1MB() {
        Matcher m = BASELINE.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * Runs every benchmark and prints a summary with the detection/baseline ratio.
     *
     * @param args optional JMH include regex (default: all of this class)
     * @throws RunnerException when JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        String include = args.length > 0 ? args[0] : GuardBenchmarks.class.getSimpleName();
        Options opt = new OptionsBuilder().include(include).build();
        Collection<RunResult> results = new Runner(opt).run();
        double detect = Double.NaN;
        double detectAll = Double.NaN;
        double baseline = Double.NaN;
        System.out.println();
        System.out.println("== classification-guard summary (" + Runtime.getRuntime().availableProcessors()
                + " CPUs, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ")");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            double score = r.getPrimaryResult().getScore();
            double err = r.getPrimaryResult().getScoreError();
            System.out.printf(Locale.ROOT, "%-20s %14.3f ± %.3f %s%n", name, score, err,
                    r.getPrimaryResult().getScoreUnit());
            switch (name) {
                case "detect1MB" -> detect = score;
                case "detectAll1MB" -> detectAll = score;
                case "regexBaseline1MB" -> baseline = score;
                default -> {
                }
            }
        }
        System.out.printf(Locale.ROOT, "detect/regex baseline = %.2fx; detectAll/regex baseline = %.2fx%n",
                detect / baseline, detectAll / baseline);
    }
}
