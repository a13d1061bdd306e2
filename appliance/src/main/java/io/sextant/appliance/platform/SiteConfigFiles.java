package io.sextant.appliance.platform;

import io.micronaut.context.env.PropertySource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The site's configuration files on top of the embedded defaults: {@code /etc/sextant/sextant.yml}, then
 * {@code <data-dir>/sextant.yml} (the later wins). Both are optional. Read with a safe YAML constructor (no
 * arbitrary types) and flattened to dotted keys so the launcher can read the TLS settings before the container starts.
 */
public final class SiteConfigFiles {

    /** The system-wide file. */
    public static final Path ETC = Path.of("/etc/sextant/sextant.yml");

    private final List<PropertySource> sources = new ArrayList<>();
    private final Map<String, Object> merged = new LinkedHashMap<>();

    private SiteConfigFiles() {
    }

    /**
     * @param files the files in increasing priority; missing ones are skipped
     * @return what they say
     */
    public static SiteConfigFiles load(List<Path> files) {
        SiteConfigFiles c = new SiteConfigFiles();
        int priority = 100;
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            Map<String, Object> flat = new LinkedHashMap<>();
            flatten("", read(f), flat);
            c.sources.add(PropertySource.of("site:" + f, flat, priority++));
            c.merged.putAll(flat);
        }
        return c;
    }

    /** @return property sources for the application context */
    public PropertySource[] propertySources() {
        return sources.toArray(PropertySource[]::new);
    }

    /**
     * @param key a dotted key
     * @return its value as a string, or null
     */
    public String get(String key) {
        Object v = merged.get(key);
        return v == null ? null : v.toString();
    }

    private static Object read(Path f) {
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            if (doc != null && !(doc instanceof Map)) {
                throw new IllegalArgumentException(f + ": expected a YAML mapping at the top level");
            }
            return doc == null ? Map.of() : doc;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new IllegalArgumentException(f + ": invalid YAML: " + e.getMessage(), e);
        }
    }

    private static void flatten(String prefix, Object node, Map<String, Object> out) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                flatten(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else {
            out.put(prefix, node);
        }
    }
}
