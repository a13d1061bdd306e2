package io.sextant.inference.gguf.testing;

import io.sextant.inference.gguf.GgmlType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small GGUF v3 writer for tests and benchmarks: typed metadata values, string/number arrays, and tensors whose bytes
 * are produced on the fly (so a 500 MB random model never sits in memory).
 */
public final class GgufWriter {

    /** Produces a tensor's bytes, in order, into the buffer passed (called until {@code bytes} are written). */
    @FunctionalInterface
    public interface TensorData {
        /**
         * Fills the buffer with the next bytes; the buffer is cleared before each call.
         *
         * @param buffer a little-endian buffer to fill (at most its remaining capacity)
         * @param bytesLeft bytes still to produce for this tensor
         */
        void fill(ByteBuffer buffer, long bytesLeft);
    }

    private record Tensor(String name, GgmlType type, long[] dims, TensorData data) {
        long bytes() {
            long n = 1;
            for (long d : dims) {
                n *= d;
            }
            return type.bytesFor(n);
        }
    }

    private final int alignment;
    private final Map<String, byte[]> kvs = new LinkedHashMap<>();
    private final List<Tensor> tensors = new ArrayList<>();

    /**
     * A writer with the given data alignment (written as {@code general.alignment}).
     *
     * @param alignment a power of two, usually 32
     */
    public GgufWriter(int alignment) {
        this.alignment = alignment;
        u32("general.alignment", alignment);
    }

    /**
     * Adds a string value.
     *
     * @param key the key
     * @param value the value
     * @return this
     */
    public GgufWriter string(String key, String value) {
        Buf b = new Buf().u32(8).str(value);
        kvs.put(key, b.bytes());
        return this;
    }

    /**
     * Adds a uint32 value.
     *
     * @param key the key
     * @param value the value
     * @return this
     */
    public GgufWriter u32(String key, int value) {
        kvs.put(key, new Buf().u32(4).u32(value).bytes());
        return this;
    }

    /**
     * Adds a float32 value.
     *
     * @param key the key
     * @param value the value
     * @return this
     */
    public GgufWriter f32(String key, float value) {
        kvs.put(key, new Buf().u32(6).u32(Float.floatToIntBits(value)).bytes());
        return this;
    }

    /**
     * Adds a boolean value.
     *
     * @param key the key
     * @param value the value
     * @return this
     */
    public GgufWriter bool(String key, boolean value) {
        kvs.put(key, new Buf().u32(7).u8(value ? 1 : 0).bytes());
        return this;
    }

    /**
     * Adds an array of strings.
     *
     * @param key the key
     * @param values the values
     * @return this
     */
    public GgufWriter strings(String key, List<String> values) {
        Buf b = new Buf().u32(9).u32(8).u64(values.size());
        values.forEach(b::str);
        kvs.put(key, b.bytes());
        return this;
    }

    /**
     * Adds an array of float32 values.
     *
     * @param key the key
     * @param values the values
     * @return this
     */
    public GgufWriter floats(String key, float[] values) {
        Buf b = new Buf().u32(9).u32(6).u64(values.length);
        for (float v : values) {
            b.u32(Float.floatToIntBits(v));
        }
        kvs.put(key, b.bytes());
        return this;
    }

    /**
     * Adds an array of int32 values.
     *
     * @param key the key
     * @param values the values
     * @return this
     */
    public GgufWriter ints(String key, int[] values) {
        Buf b = new Buf().u32(9).u32(5).u64(values.length);
        for (int v : values) {
            b.u32(v);
        }
        kvs.put(key, b.bytes());
        return this;
    }

    /**
     * Adds a tensor.
     *
     * @param name the tensor name
     * @param type the element type
     * @param data produces its bytes
     * @param dims dimensions, innermost first
     * @return this
     */
    public GgufWriter tensor(String name, GgmlType type, TensorData data, long... dims) {
        tensors.add(new Tensor(name, type, dims.clone(), data));
        return this;
    }

    /**
     * Writes the file.
     *
     * @param file where to write
     * @return the file
     * @throws IOException when writing fails
     */
    public Path write(Path file) throws IOException {
        Buf h = new Buf().u32(0x46554747).u32(3).u64(tensors.size()).u64(kvs.size());
        kvs.forEach((k, v) -> h.str(k).raw(v));
        long offset = 0;
        for (Tensor t : tensors) {
            h.str(t.name).u32(t.dims.length);
            for (long d : t.dims) {
                h.u64(d);
            }
            h.u32(t.type.id()).u64(offset);
            offset = align(offset + t.bytes());
        }
        byte[] header = h.bytes();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(header));
            pad(ch, align(header.length) - header.length);
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : tensors) {
                long left = t.bytes();
                while (left > 0) {
                    buf.clear();
                    if (left < buf.capacity()) {
                        buf.limit((int) left);
                    }
                    t.data.fill(buf, left);
                    buf.flip();
                    left -= buf.remaining();
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                }
                pad(ch, align(t.bytes()) - t.bytes());
            }
        }
        return file;
    }

    private long align(long n) {
        return (n + alignment - 1) / alignment * alignment;
    }

    private static void pad(FileChannel ch, long n) throws IOException {
        if (n > 0) {
            ch.write(ByteBuffer.allocate((int) n));
        }
    }

    /** A growable little-endian byte buffer. */
    private static final class Buf {
        private ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);

        private void ensure(int n) {
            if (b.remaining() < n) {
                ByteBuffer nb = ByteBuffer.allocate(Math.max(b.capacity() * 2, b.position() + n))
                        .order(ByteOrder.LITTLE_ENDIAN);
                b.flip();
                nb.put(b);
                b = nb;
            }
        }

        Buf u8(int v) {
            ensure(1);
            b.put((byte) v);
            return this;
        }

        Buf u32(int v) {
            ensure(4);
            b.putInt(v);
            return this;
        }

        Buf u64(long v) {
            ensure(8);
            b.putLong(v);
            return this;
        }

        Buf str(String s) {
            byte[] u = s.getBytes(StandardCharsets.UTF_8);
            u64(u.length);
            return raw(u);
        }

        Buf raw(byte[] u) {
            ensure(u.length);
            b.put(u);
            return this;
        }

        byte[] bytes() {
            byte[] out = new byte[b.position()];
            b.duplicate().flip().get(out);
            return out;
        }
    }
}
