package io.sextant.appliance.draft;

import io.sextant.appliance.platform.DataDir;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The templates analysts can draft from: the bundled defaults (SITREP, INTSUM, PIR, brief) under
 * {@code templates/} on the class path, overlaid by the site's files in {@code <data-dir>/templates/*.yml}
 * ({@code .yaml}, {@code .json}). A site file replaces the bundled template with the same id, so an administrator
 * adapts a default by copying and editing it. A file that cannot be used is skipped and reported in
 * {@link #problems()} with its name and the reason (and logged): one bad file never takes the server down or hides
 * the other templates. Immutable; load again to pick up edits.
 */
public final class TemplateLibrary {

    /** The bundled template files, in the order they are offered. */
    static final List<String> BUNDLED = List.of("sitrep.yml", "intsum.yml", "pir.yml", "brief.yml");
    /** Where they live on the class path. */
    static final String BUNDLED_DIR = "templates/";
    /** What {@link #origin(String)} says for a bundled template. */
    public static final String BUNDLED_ORIGIN = "bundled";

    private static final Logger LOG = LoggerFactory.getLogger(TemplateLibrary.class);

    private final Map<String, DraftTemplate> templates;
    private final Map<String, String> origins;
    private final List<TemplateProblem> problems;

    private TemplateLibrary(Map<String, DraftTemplate> templates, Map<String, String> origins,
            List<TemplateProblem> problems) {
        this.templates = templates;
        this.origins = origins;
        this.problems = List.copyOf(problems);
    }

    /**
     * @param dataDir the data directory
     * @return where its site templates live: {@code <data-dir>/templates}
     */
    public static Path siteDirectory(DataDir dataDir) {
        return dataDir.root().resolve("templates");
    }

    /**
     * Loads the bundled templates and the site's.
     *
     * @param siteDir the site template directory; it need not exist; null for none
     * @return the library, with a problem per unusable file
     */
    public static TemplateLibrary load(Path siteDir) {
        Map<String, DraftTemplate> templates = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        List<TemplateProblem> problems = new ArrayList<>();
        for (String name : BUNDLED) {
            String resource = BUNDLED_DIR + name;
            try (InputStream in = TemplateLibrary.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    problems.add(new TemplateProblem(resource, "missing from the class path"));
                    continue;
                }
                DraftTemplate t = TemplateReader.read(decode(in.readAllBytes()), false, stem(name));
                templates.put(t.id(), t);
                origins.put(t.id(), BUNDLED_ORIGIN);
            } catch (IOException | IllegalArgumentException e) {
                problems.add(new TemplateProblem(resource, e.getMessage()));
            }
        }
        Map<String, String> siteOrigins = new TreeMap<>();
        for (Path file : siteFiles(siteDir, problems)) {
            try {
                DraftTemplate t = readSiteFile(file);
                String earlier = siteOrigins.putIfAbsent(t.id(), file.toString());
                if (earlier != null) {
                    problems.add(new TemplateProblem(file.toString(), "template id '" + t.id()
                            + "' is already defined by " + earlier));
                    continue;
                }
                templates.put(t.id(), t);
                origins.put(t.id(), file.toString());
            } catch (IllegalArgumentException e) {
                problems.add(new TemplateProblem(file.toString(), e.getMessage()));
            } catch (IOException | RuntimeException e) {
                // Whatever else goes wrong with one admin-edited file, the others and the server carry on.
                problems.add(new TemplateProblem(file.toString(), "cannot be read: " + e));
            }
        }
        problems.forEach(p -> LOG.warn("template skipped: {}", p));
        return new TemplateLibrary(templates, origins, problems);
    }

    /** @return the bundled templates only (for tools that run without a data directory) */
    public static TemplateLibrary bundled() {
        return load(null);
    }

    /** @return every usable template: bundled ones first in their order, then site additions by file name */
    public List<DraftTemplate> templates() {
        return List.copyOf(templates.values());
    }

    /**
     * @param id a template id
     * @return the template, if there is a usable one with that id
     */
    public Optional<DraftTemplate> find(String id) {
        return Optional.ofNullable(templates.get(id));
    }

    /**
     * @param id a template id
     * @return {@value #BUNDLED_ORIGIN} or the site file the template was read from, if there is such a template
     */
    public Optional<String> origin(String id) {
        return Optional.ofNullable(origins.get(id));
    }

    /** @return the files that could not be used, and why */
    public List<TemplateProblem> problems() {
        return problems;
    }

    private static List<Path> siteFiles(Path dir, List<TemplateProblem> problems) {
        List<Path> files = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".") && extension(name) != null && Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            problems.add(new TemplateProblem(dir.toString(), "cannot list the directory: " + e.getMessage()));
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return files;
    }

    private static DraftTemplate readSiteFile(Path file) throws IOException {
        long size = Files.size(file);
        if (size > TemplateReader.MAX_CHARS * 4L) {
            throw new IllegalArgumentException("larger than " + TemplateReader.MAX_CHARS + " characters");
        }
        String name = file.getFileName().toString();
        return TemplateReader.read(decode(Files.readAllBytes(file)), "json".equals(extension(name)), stem(name));
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString().replaceFirst("^\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8 text", e);
        }
    }

    private static String extension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : List.of("yml", "yaml", "json")) {
            if (lower.endsWith("." + ext)) {
                return ext;
            }
        }
        return null;
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
    }
}
