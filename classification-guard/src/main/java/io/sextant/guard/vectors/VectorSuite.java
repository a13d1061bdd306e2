package io.sextant.guard.vectors;

import io.sextant.guard.access.AccessDecision;
import io.sextant.guard.access.AccessPolicy;
import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.rollup.Rollup;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks the guard against test vectors in the format of {@code vectors-public.tsv} (SPEC §10): one case per line,
 * columns {@code case_id, kind, input, expected}, a header line. Shared by the {@code sextant markings check} command
 * and the unit tests so both judge a case the same way.
 */
public final class VectorSuite {

    /**
     * One test vector.
     *
     * @param id       the case id
     * @param kind     parse_portion, parse_banner, rollup, access or invalid
     * @param input    the input column
     * @param expected the expected column
     * @param line     the 1-based line number in the file
     */
    public record Vector(String id, String kind, String input, String expected, int line) {
        /** @return true when the case expects the guard to reject the input */
        public boolean expectsError() {
            return kind.equals("invalid") || expected.startsWith("ERROR");
        }
    }

    /**
     * The result of one case.
     *
     * @param vector the case
     * @param passed whether the guard did what was expected
     * @param got    what the guard produced (canonical text, banner, ALLOW/DENY with reason, or ERROR: reason)
     */
    public record Outcome(Vector vector, boolean passed, String got) {
    }

    /**
     * The results of a run.
     *
     * @param outcomes every case, in file order
     */
    public record Report(List<Outcome> outcomes) {
        /** Copies. */
        public Report {
            outcomes = List.copyOf(outcomes);
        }

        /** @return how many passed */
        public long passed() {
            return outcomes.stream().filter(Outcome::passed).count();
        }

        /** @return how many failed */
        public long failed() {
            return outcomes.size() - passed();
        }

        /** @return the failed cases */
        public List<Outcome> failures() {
            return outcomes.stream().filter(o -> !o.passed()).toList();
        }
    }

    private final MarkingParser parser;

    /** @param parser the parser (vocabulary and profile) the cases run with */
    public VectorSuite(MarkingParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /**
     * @param tsv a vector file
     * @return its cases
     * @throws IOException when the file cannot be read
     */
    public static List<Vector> read(Path tsv) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    /**
     * @param reader vector text
     * @return its cases; a line with fewer than four columns becomes a case of kind {@code malformed}
     * @throws IOException when the text cannot be read
     */
    public static List<Vector> read(BufferedReader reader) throws IOException {
        List<Vector> out = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#") || (n == 1 && line.startsWith("case_id"))) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length < 4) {
                out.add(new Vector(c[0], "malformed", line, "four tab-separated columns", n));
            } else {
                out.add(new Vector(c[0].trim(), c[1].trim().toLowerCase(Locale.ROOT), c[2], c[3].trim(), n));
            }
        }
        return out;
    }

    /**
     * @param vectors the cases
     * @return every case's outcome
     */
    public Report run(List<Vector> vectors) {
        List<Outcome> out = new ArrayList<>();
        vectors.forEach(v -> out.add(check(v)));
        return new Report(out);
    }

    /**
     * @param v one case
     * @return its outcome
     */
    public Outcome check(Vector v) {
        String got;
        boolean rejected;
        try {
            got = evaluate(v);
            rejected = false;
        } catch (RuntimeException e) {
            got = "ERROR: " + e.getMessage();
            rejected = true;
        }
        if (v.kind().equals("malformed")) {
            return new Outcome(v, false, "ERROR: malformed vector line " + v.line());
        }
        if (v.expectsError()) {
            return new Outcome(v, rejected, got);
        }
        if (v.kind().equals("access")) {
            String word = got.split("[:\\s]", 2)[0];
            return new Outcome(v, word.equals(v.expected()), got);
        }
        return new Outcome(v, got.equals(v.expected()), got);
    }

    private String evaluate(Vector v) {
        return switch (v.kind()) {
            case "parse_portion" -> MarkingFormatter.portion(parser.parsePortion(v.input()).marking());
            case "parse_banner" -> MarkingFormatter.banner(parser.parseBanner(v.input()).marking());
            case "rollup" -> MarkingFormatter.banner(Rollup.ofPortionMarks(splitPortions(v.input()), parser));
            case "access" -> access(v.input(), v.expectsError());
            case "invalid" -> {
                String in = v.input().trim();
                if (in.contains(" ; ")) {
                    yield MarkingFormatter.banner(Rollup.ofPortionMarks(splitPortions(in), parser));
                }
                yield in.startsWith("(") ? MarkingFormatter.portion(parser.parsePortion(in).marking())
                        : MarkingFormatter.banner(parser.parseBanner(in).marking());
            }
            case "malformed" -> "ERROR: malformed";
            default -> throw new IllegalArgumentException("unknown vector kind " + v.kind());
        };
    }

    /**
     * @param input portion marks separated by {@code ;}
     * @return the portion marks
     */
    public static List<String> splitPortions(String input) {
        return Arrays.stream(input.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private String access(String input, boolean strict) {
        int bar = input.lastIndexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("access input needs '<portion> | <clearance>'");
        }
        String portion = input.substring(0, bar).trim();
        Clearance c = Clearance.parse(input.substring(bar + 1).trim(), parser.vocabulary());
        if (strict) {
            parser.parsePortion(portion);
        }
        AccessDecision d = AccessPolicy.decide(c, portion, parser);
        return switch (d) {
            case AccessDecision.Allow a -> "ALLOW";
            case AccessDecision.Deny deny -> "DENY: " + deny.reason();
        };
    }

    /**
     * @param o a failed outcome
     * @return one line naming id, input, expected and got
     */
    public static String describe(Outcome o) {
        return o.vector().id() + "\tinput: " + o.vector().input() + "\texpected: " + o.vector().expected()
                + "\tgot: " + o.got();
    }
}
