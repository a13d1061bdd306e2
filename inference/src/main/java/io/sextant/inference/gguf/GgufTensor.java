package io.sextant.inference.gguf;

import java.util.List;

/**
 * One tensor's header entry.
 *
 * @param name the tensor name, e.g. {@code blk.0.attn_q.weight}
 * @param dims the dimensions, innermost first (ggml's ne0, ne1...)
 * @param type the element type
 * @param offset the offset of its data, relative to the start of the data section
 */
public record GgufTensor(String name, List<Long> dims, GgmlType type, long offset) {

    /** Copies the dimensions. */
    public GgufTensor {
        dims = List.copyOf(dims);
    }

    /**
     * The element count.
     *
     * @return the product of the dimensions
     */
    public long elements() {
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /**
     * The size of the tensor's data.
     *
     * @return bytes
     */
    public long bytes() {
        return type.bytesFor(elements());
    }
}
