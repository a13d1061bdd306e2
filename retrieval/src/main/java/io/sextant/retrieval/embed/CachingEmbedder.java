package io.sextant.retrieval.embed;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wraps an embedder with two caches: an in-memory LRU for query vectors (analysts repeat and refine queries) and an
 * optional append-only file of passage vectors keyed by SHA-256 of (model id, text), so re-indexing the same text with
 * the same model never pays for the model again. A key includes the model id, so a model change can never serve a
 * stale vector.
 */
public final class CachingEmbedder implements Embedder {

    private final Embedder inner;
    private final Map<String, float[]> queries;
    private final Map<String, float[]> passages = new HashMap<>();
    private final Path file;

    /**
     * @param inner        the real embedder
     * @param queryEntries how many query vectors to keep in memory
     * @param cacheDir     where to persist passage vectors, or null for none
     */
    public CachingEmbedder(Embedder inner, int queryEntries, Path cacheDir) {
        this.inner = inner;
        this.queries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> e) {
                return size() > queryEntries;
            }
        };
        if (cacheDir == null) {
            this.file = null;
        } else {
            this.file = cacheDir.resolve(inner.modelId().replaceAll("[^A-Za-z0-9._-]", "_") + ".vec");
            load();
        }
    }

    private void load() {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                return;
            }
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                byte[] key = new byte[32];
                while (true) {
                    try {
                        in.readFully(key);
                    } catch (EOFException end) {
                        return;
                    }
                    float[] v = new float[inner.dimension()];
                    try {
                        for (int i = 0; i < v.length; i++) {
                            v[i] = in.readFloat();
                        }
                    } catch (EOFException torn) {
                        return; // a torn last record from an interrupted run: ignore it
                    }
                    passages.put(HexFormat.of().formatHex(key), v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read embedding cache " + file, e);
        }
    }

    private String key(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(inner.modelId().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public String modelId() {
        return inner.modelId();
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        List<String> missing = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        synchronized (passages) {
            for (int i = 0; i < texts.size(); i++) {
                String k = key(texts.get(i));
                float[] v = passages.get(k);
                out.add(v == null ? null : v.clone());
                if (v == null) {
                    missing.add(texts.get(i));
                    where.add(i);
                    keys.add(k);
                }
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        List<float[]> fresh = inner.embedPassages(missing);
        synchronized (passages) {
            for (int j = 0; j < fresh.size(); j++) {
                out.set(where.get(j), fresh.get(j));
                passages.put(keys.get(j), fresh.get(j).clone());
            }
            append(keys, fresh);
        }
        return out;
    }

    private void append(List<String> keys, List<float[]> vectors) {
        if (file == null) {
            return;
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16))) {
            for (int j = 0; j < keys.size(); j++) {
                out.write(HexFormat.of().parseHex(keys.get(j)));
                for (float f : vectors.get(j)) {
                    out.writeFloat(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write embedding cache " + file, e);
        }
    }

    @Override
    public float[] embedQuery(String query) {
        synchronized (queries) {
            float[] v = queries.get(query);
            if (v != null) {
                return v.clone();
            }
        }
        String diskKey = file == null ? null : key("\u0000query\u0000" + query);
        float[] v = null;
        if (diskKey != null) {
            synchronized (passages) {
                v = passages.get(diskKey);
            }
        }
        if (v == null) {
            v = inner.embedQuery(query);
            if (diskKey != null) {
                synchronized (passages) {
                    passages.put(diskKey, v.clone());
                    append(List.of(diskKey), List.of(v));
                }
            }
        }
        synchronized (queries) {
            queries.put(query, v.clone());
        }
        return v.clone();
    }

    @Override
    public void close() {
        inner.close();
    }
}
