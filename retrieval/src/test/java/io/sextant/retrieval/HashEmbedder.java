package io.sextant.retrieval;

import io.sextant.retrieval.embed.Embedder;
import io.sextant.retrieval.embed.VectorMath;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic vectors for fast tests: a unit vector seeded by the text's hash. Security and fusion tests check that the
 * filter and ranking are right for whatever vectors the index holds; the real model is tested on its own.
 */
public final class HashEmbedder implements Embedder {
    private final int dim;

    public HashEmbedder(int dim) {
        this.dim = dim;
    }

    public static float[] vector(String text, int dim) {
        Random r = new Random(text.hashCode());
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return VectorMath.normalize(v);
    }

    @Override
    public int dimension() {
        return dim;
    }

    @Override
    public String modelId() {
        return "hash-" + dim;
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        List<float[]> out = new ArrayList<>();
        for (String p : passages) {
            out.add(vector(p, dim));
        }
        return out;
    }

    @Override
    public float[] embedQuery(String query) {
        return vector("q:" + query, dim);
    }
}
