package io.sextant.retrieval.embed;

/** Small vector helpers shared by embedders and scorers. */
public final class VectorMath {

    private VectorMath() {
    }

    /**
     * Scales a vector to unit length in place (a zero vector stays zero).
     *
     * @param v the vector
     * @return v
     */
    public static float[] normalize(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        if (s > 0) {
            float inv = (float) (1.0 / Math.sqrt(s));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
        return v;
    }

    /**
     * @param a a vector
     * @param b a vector of the same length
     * @return the dot product
     */
    public static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
