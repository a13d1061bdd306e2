package io.sextant.guard.marking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Accumulates vocabulary table rows from the built-in files and then the site's files. */
final class VocabularyLoader {
    private final Set<String> countries = new TreeSet<>();
    private final Map<String, Vocabulary.Tetragraph> tetragraphs = new TreeMap<>();
    private final Map<String, Vocabulary.SciSystem> sci = new TreeMap<>();
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final Set<String> sap = new TreeSet<>();
    private final Set<String> cui = new TreeSet<>();

    void readDefaults() throws IOException {
        for (String f : Vocabulary.FILES) {
            try (InputStream in = Vocabulary.class.getResourceAsStream("/io/sextant/guard/vocab/" + f)) {
                if (in == null) {
                    throw new IOException("built-in vocabulary file missing: " + f);
                }
                read(f, f, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            }
        }
    }

    void read(String kind, String source, BufferedReader r) throws IOException {
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            try {
                row(kind, c);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + " line " + n + ": " + e.getMessage(), e);
            }
        }
    }

    private void row(String kind, String[] c) {
        String key = code(c[0]);
        switch (kind) {
            case "countries.tsv" -> {
                require(key.length() == 3, "a trigraph has 3 letters: " + key);
                countries.add(key);
            }
            case "tetragraphs.tsv" -> {
                require(c.length >= 3, "expected code, expand, members");
                require(key.length() >= 4, "a tetragraph has at least 4 letters: " + key);
                tetragraphs.put(key, new Vocabulary.Tetragraph(key, c[1].trim().equalsIgnoreCase("yes"), words(c[2])));
            }
            case "sci-systems.tsv" -> {
                require(c.length >= 2, "expected system, status");
                Vocabulary.Status s = Vocabulary.Status.valueOf(c[1].trim().toUpperCase(Locale.ROOT));
                sci.put(key, new Vocabulary.SciSystem(key, s, c.length > 2 ? words(c[2]) : Set.of()));
            }
            case "sci-titles.tsv" -> {
                require(c.length >= 2, "expected title, abbreviation");
                titles.put(c[0].trim().toUpperCase(Locale.ROOT), code(c[1]));
            }
            case "local-registry.tsv" -> {
                require(c.length >= 2, "expected kind, identifier");
                String id = code(c[1]);
                switch (key) {
                    case "SCI" -> sci.putIfAbsent(id, new Vocabulary.SciSystem(id, Vocabulary.Status.LOCAL, Set.of()));
                    case "SAP" -> sap.add(id);
                    default -> throw new IllegalArgumentException("kind must be SCI or SAP: " + key);
                }
            }
            case "cui-categories.tsv" -> cui.add(key);
            default -> throw new IllegalStateException(kind);
        }
    }

    private static String code(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        require(!t.isEmpty(), "empty code");
        return t;
    }

    private static Set<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w.toUpperCase(Locale.ROOT));
            }
        }
        return new TreeSet<>(Arrays.asList(out.toArray(String[]::new)));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    Vocabulary build() {
        return new Vocabulary(countries, tetragraphs, sci, titles, sap, cui);
    }
}
