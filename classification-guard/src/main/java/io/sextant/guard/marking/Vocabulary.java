package io.sextant.guard.marking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The closed vocabularies a marking is checked against: country trigraphs, tetragraphs and their members, SCI control
 * systems (published, deprecated, locally registered), SCI titles, SAP programs and CUI categories. They live in data
 * files ({@code io/sextant/guard/vocab/*.tsv}) because registers change between editions (SPEC §9.8); a site adds or
 * overrides entries with files of the same names in a directory ({@link #load(Path)}). Immutable.
 */
public final class Vocabulary {

    /** The data files, each a tab-separated table with {@code #} comments. */
    public static final List<String> FILES = List.of("countries.tsv", "tetragraphs.tsv", "sci-systems.tsv",
            "sci-titles.tsv", "local-registry.tsv", "cui-categories.tsv");

    private static final Vocabulary DEFAULTS = loadDefaults();

    private final Set<String> countries;
    private final Map<String, Tetragraph> tetragraphs;
    private final Map<String, SciSystem> sciSystems;
    private final Map<String, String> sciTitles;
    private final Set<String> sapPrograms;
    private final Set<String> cuiCategories;

    /**
     * A tetragraph and its members.
     *
     * @param code    the four-letter code
     * @param expand  whether roll-up may expand it to its members when intersecting REL TO lists
     * @param members the member trigraphs (empty for opaque tokens)
     */
    public record Tetragraph(String code, boolean expand, Set<String> members) {
        /** Copies the members. */
        public Tetragraph {
            members = Collections.unmodifiableSet(new TreeSet<>(members));
        }
    }

    /**
     * An SCI control system.
     *
     * @param system       the abbreviation
     * @param status       published, deprecated or local
     * @param compartments its published compartments
     */
    public record SciSystem(String system, Status status, Set<String> compartments) {
        /** Copies the compartments. */
        public SciSystem {
            compartments = Collections.unmodifiableSet(new TreeSet<>(compartments));
        }
    }

    /** How an SCI control system is known. */
    public enum Status {
        /** Published in the Register. */
        PUBLISHED,
        /** Listed in older vocabularies (EL, KDK): accepted with a warning. */
        DEPRECATED,
        /** Unpublished, in the local registry. */
        LOCAL
    }

    Vocabulary(Set<String> countries, Map<String, Tetragraph> tetragraphs, Map<String, SciSystem> sciSystems,
            Map<String, String> sciTitles, Set<String> sapPrograms, Set<String> cuiCategories) {
        this.countries = Collections.unmodifiableSet(new TreeSet<>(countries));
        this.tetragraphs = Collections.unmodifiableMap(new TreeMap<>(tetragraphs));
        this.sciSystems = Collections.unmodifiableMap(new TreeMap<>(sciSystems));
        LinkedHashMap<String, String> titles = new LinkedHashMap<>();
        sciTitles.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()))
                .forEach(e -> titles.put(e.getKey(), e.getValue()));
        this.sciTitles = Collections.unmodifiableMap(titles);
        this.sapPrograms = Collections.unmodifiableSet(new TreeSet<>(sapPrograms));
        this.cuiCategories = Collections.unmodifiableSet(new TreeSet<>(cuiCategories));
    }

    /** @return the built-in vocabulary, loaded once from the module's data files */
    public static Vocabulary defaults() {
        return DEFAULTS;
    }

    /**
     * The built-in vocabulary plus the site's files: each file in {@code siteDir} named like one of {@link #FILES}
     * adds entries (a tetragraph or SCI system line replaces the built-in line of the same code).
     *
     * @param siteDir a directory with site vocabulary files; missing files are fine
     * @return the combined vocabulary
     * @throws IOException when the directory does not exist or a site file cannot be read
     * @throws IllegalArgumentException when a site file is malformed (with file and line)
     */
    public static Vocabulary load(Path siteDir) throws IOException {
        if (!Files.isDirectory(siteDir)) {
            throw new java.nio.file.NoSuchFileException(siteDir.toString(), null, "site vocabulary directory not found");
        }
        VocabularyLoader l = new VocabularyLoader();
        l.readDefaults();
        for (String f : FILES) {
            Path p = siteDir.resolve(f);
            if (Files.isRegularFile(p)) {
                try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                    l.read(f, p.toString(), r);
                }
            }
        }
        return l.build();
    }

    private static Vocabulary loadDefaults() {
        VocabularyLoader l = new VocabularyLoader();
        try {
            l.readDefaults();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return l.build();
    }

    /**
     * @param programs SAP program identifiers to register
     * @return a copy with the programs added to the local registry
     */
    public Vocabulary withSapPrograms(Collection<String> programs) {
        Set<String> s = new TreeSet<>(sapPrograms);
        s.addAll(programs);
        return new Vocabulary(countries, tetragraphs, sciSystems, sciTitles, s, cuiCategories);
    }

    /**
     * @param systems unpublished SCI control systems to register
     * @return a copy with the systems added to the local registry
     */
    public Vocabulary withLocalSciSystems(Collection<String> systems) {
        Map<String, SciSystem> m = new TreeMap<>(sciSystems);
        for (String s : systems) {
            m.putIfAbsent(s, new SciSystem(s, Status.LOCAL, Set.of()));
        }
        return new Vocabulary(countries, tetragraphs, m, sciTitles, sapPrograms, cuiCategories);
    }

    /**
     * @param t a tetragraph to add or replace
     * @return a copy with it
     */
    public Vocabulary withTetragraph(Tetragraph t) {
        Map<String, Tetragraph> m = new TreeMap<>(tetragraphs);
        m.put(t.code(), t);
        return new Vocabulary(countries, m, sciSystems, sciTitles, sapPrograms, cuiCategories);
    }

    /** @param code a code @return true for a known trigraph country code */
    public boolean isCountry(String code) {
        return countries.contains(code);
    }

    /** @param code a code @return true for a known tetragraph */
    public boolean isTetragraph(String code) {
        return tetragraphs.containsKey(code);
    }

    /** @param code a code @return true for a known trigraph or tetragraph */
    public boolean isKnownCode(String code) {
        return isCountry(code) || isTetragraph(code);
    }

    /** @return the known trigraphs */
    public Set<String> countries() {
        return countries;
    }

    /** @return the known tetragraphs by code */
    public Map<String, Tetragraph> tetragraphs() {
        return tetragraphs;
    }

    /** @param tetragraph a code @return its member trigraphs, empty when unknown or opaque */
    public Set<String> members(String tetragraph) {
        Tetragraph t = tetragraphs.get(tetragraph);
        return t == null ? Set.of() : t.members();
    }

    /** @param tetragraph a code @return true when roll-up may expand it to members (FVEY, ACGU, TEYE) */
    public boolean expandsInRollup(String tetragraph) {
        Tetragraph t = tetragraphs.get(tetragraph);
        return t != null && t.expand();
    }

    /** @param country a trigraph @return the tetragraphs the country belongs to (GBR: ACGU, FVEY, NATO, TEYE) */
    public Set<String> membershipsOf(String country) {
        Set<String> out = new TreeSet<>();
        for (Tetragraph t : tetragraphs.values()) {
            if (t.members().contains(country)) {
                out.add(t.code());
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** @param system an abbreviation @return the SCI control system, or null when unknown */
    public SciSystem sciSystem(String system) {
        return sciSystems.get(system);
    }

    /** @return every known SCI control system */
    public Map<String, SciSystem> sciSystems() {
        return sciSystems;
    }

    /** @return SCI titles mapped to abbreviations, longest title first */
    public Map<String, String> sciTitles() {
        return sciTitles;
    }

    /** @param program a SAP program identifier @return true when it is in the local registry */
    public boolean isSapProgram(String program) {
        return sapPrograms.contains(program);
    }

    /** @return the registered SAP programs */
    public Set<String> sapPrograms() {
        return sapPrograms;
    }

    /** @param category a category without {@code SP-} @return true when it is a known CUI category */
    public boolean isCuiCategory(String category) {
        return cuiCategories.contains(category);
    }

    /** @return the known CUI categories */
    public Set<String> cuiCategories() {
        return cuiCategories;
    }
}
