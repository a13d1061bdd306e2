package io.sextant.inference.gguf.testing;

import io.sextant.inference.gguf.GgmlType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes LLaMA-architecture GGUF models with random weights: a SentencePiece-style vocabulary ({@code <unk>},
 * {@code <s>}, {@code </s>}, ChatML control tokens, the 256 byte tokens and a few scored pieces), a ChatML chat
 * template, and F32 or Q8_0 weights. The tiny default (64-wide, 2 layers, ~0.5 MB) loads in milliseconds; the
 * benchmark asks for realistic shapes.
 */
public final class TinyLlama {

    /** The ChatML template written into {@code tokenizer.chat_template} unless a spec says otherwise. */
    public static final String CHATML_TEMPLATE = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n'"
            + " + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}"
            + "{{ '<|im_start|>assistant\\n' }}{% endif %}";

    private static final String[] PIECES = {
        "▁the", "▁a", "▁of", "▁and", "▁to", "▁in", "▁is", "▁report", "▁source", "▁answer", "th", "he", "in", "er",
        "an", "on", "re", "at", "en", "es", "{", "}", "\"", ":", ",", "▁", "e", "t", "a", "o", "i", "n", "s", "r",
    };

    /**
     * A model shape.
     *
     * @param embd embedding width (a multiple of 32 for Q8_0)
     * @param layers transformer blocks
     * @param heads attention heads
     * @param kvHeads key/value heads
     * @param ff feed-forward width
     * @param ctx trained context length
     * @param vocab vocabulary size (at least 261 + the built-in pieces)
     * @param weights F32 or Q8_0 for the matrices (norms stay F32)
     * @param chatTemplate the template text, or null for none
     * @param seed the weights' random seed
     */
    public record Spec(int embd, int layers, int heads, int kvHeads, int ff, int ctx, int vocab, GgmlType weights,
            String chatTemplate, long seed) {

        /** Checks the shape. */
        public Spec {
            if (embd % heads != 0 || heads % kvHeads != 0) {
                throw new IllegalArgumentException("embd must divide by heads and heads by kvHeads");
            }
            if (weights != GgmlType.F32 && weights != GgmlType.Q8_0) {
                throw new IllegalArgumentException("weights must be F32 or Q8_0, got " + weights.label());
            }
            if (weights == GgmlType.Q8_0 && (embd % 32 != 0 || ff % 32 != 0)) {
                throw new IllegalArgumentException("Q8_0 needs embd and ff to be multiples of 32");
            }
            if (vocab < 261 + PIECES.length) {
                throw new IllegalArgumentException("vocab must be at least " + (261 + PIECES.length));
            }
        }

        /**
         * A copy with another seed.
         *
         * @param s the seed
         * @return the copy
         */
        public Spec withSeed(long s) {
            return new Spec(embd, layers, heads, kvHeads, ff, ctx, vocab, weights, chatTemplate, s);
        }

        /**
         * The parameter count this shape has.
         *
         * @return parameters
         */
        public long parameters() {
            long kv = (long) embd / heads * kvHeads;
            long perLayer = 2L * embd + 2L * embd * embd + 2L * embd * kv + 3L * embd * ff;
            return 2L * embd * vocab + embd + layers * perLayer;
        }
    }

    /** The tiny default: 64-wide, 2 layers, 4 heads, context 256, F32, ~0.5 MB. */
    public static final Spec TINY = new Spec(64, 2, 4, 4, 128, 256, 300, GgmlType.F32, CHATML_TEMPLATE, 1);

    private TinyLlama() {
    }

    /**
     * Writes the tiny default model into a directory.
     *
     * @param dir the directory
     * @return the model file
     */
    public static Path writeTiny(Path dir) {
        return write(dir.resolve("tiny-llama.gguf"), TINY);
    }

    /**
     * Writes a model.
     *
     * @param file where to write
     * @param spec its shape
     * @return the file
     */
    public static Path write(Path file, Spec spec) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return writer(spec).write(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GgufWriter writer(Spec s) {
        List<String> tokens = vocabulary(s.vocab());
        float[] scores = new float[tokens.size()];
        int[] types = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            types[i] = i == 0 ? 2 : i < 5 ? 3 : i < 261 ? 6 : 1;
            scores[i] = types[i] == 1 ? -(float) Math.log(i) - t.length() * 0.1f : 0f;
        }
        GgufWriter w = new GgufWriter(32)
                .string("general.architecture", "llama")
                .string("general.name", "sextant-random-llama")
                .u32("general.file_type", s.weights() == GgmlType.Q8_0 ? 7 : 0)
                .u32("llama.context_length", s.ctx())
                .u32("llama.embedding_length", s.embd())
                .u32("llama.block_count", s.layers())
                .u32("llama.feed_forward_length", s.ff())
                .u32("llama.attention.head_count", s.heads())
                .u32("llama.attention.head_count_kv", s.kvHeads())
                .u32("llama.rope.dimension_count", s.embd() / s.heads())
                .f32("llama.attention.layer_norm_rms_epsilon", 1e-5f)
                .f32("llama.rope.freq_base", 10000f)
                .string("tokenizer.ggml.model", "llama")
                .strings("tokenizer.ggml.tokens", tokens)
                .floats("tokenizer.ggml.scores", scores)
                .ints("tokenizer.ggml.token_type", types)
                .u32("tokenizer.ggml.unknown_token_id", 0)
                .u32("tokenizer.ggml.bos_token_id", 1)
                .u32("tokenizer.ggml.eos_token_id", 2)
                .bool("tokenizer.ggml.add_bos_token", true)
                .bool("tokenizer.ggml.add_eos_token", false);
        if (s.chatTemplate() != null) {
            w.string("tokenizer.chat_template", s.chatTemplate());
        }
        SplittableRandom seeds = new SplittableRandom(s.seed());
        long kv = (long) s.embd() / s.heads() * s.kvHeads();
        matrix(w, "token_embd.weight", s.weights(), seeds, s.embd(), s.vocab());
        for (int l = 0; l < s.layers(); l++) {
            String p = "blk." + l + ".";
            ones(w, p + "attn_norm.weight", s.embd());
            matrix(w, p + "attn_q.weight", s.weights(), seeds, s.embd(), s.embd());
            matrix(w, p + "attn_k.weight", s.weights(), seeds, s.embd(), kv);
            matrix(w, p + "attn_v.weight", s.weights(), seeds, s.embd(), kv);
            matrix(w, p + "attn_output.weight", s.weights(), seeds, s.embd(), s.embd());
            ones(w, p + "ffn_norm.weight", s.embd());
            matrix(w, p + "ffn_gate.weight", s.weights(), seeds, s.embd(), s.ff());
            matrix(w, p + "ffn_up.weight", s.weights(), seeds, s.embd(), s.ff());
            matrix(w, p + "ffn_down.weight", s.weights(), seeds, s.ff(), s.embd());
        }
        ones(w, "output_norm.weight", s.embd());
        matrix(w, "output.weight", s.weights(), seeds, s.embd(), s.vocab());
        return w;
    }

    /**
     * The vocabulary: specials, byte tokens, pieces, then filler pieces up to the size.
     *
     * @param size the vocabulary size
     * @return the tokens in id order
     */
    static List<String> vocabulary(int size) {
        LinkedHashSet<String> v = new LinkedHashSet<>(List.of("<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>"));
        for (int b = 0; b < 256; b++) {
            v.add(String.format("<0x%02X>", b));
        }
        v.addAll(List.of(PIECES));
        for (int i = 0; v.size() < size; i++) {
            v.add("▁w" + Integer.toString(i, 36));
        }
        return new ArrayList<>(v);
    }

    private static void ones(GgufWriter w, String name, int n) {
        w.tensor(name, GgmlType.F32, (buf, left) -> {
            while (buf.remaining() >= 4) {
                buf.putFloat(1f);
            }
        }, n);
    }

    private static void matrix(GgufWriter w, String name, GgmlType type, SplittableRandom seeds, long cols,
            long rows) {
        SplittableRandom r = seeds.split();
        float scale = (float) (1.0 / Math.sqrt(cols));
        if (type == GgmlType.F32) {
            w.tensor(name, type, (buf, left) -> {
                while (buf.remaining() >= 4) {
                    buf.putFloat((float) (r.nextDouble() * 2 - 1) * scale * 1.7f);
                }
            }, cols, rows);
        } else {
            short f16 = Float.floatToFloat16(scale * 1.7f / 127f);
            w.tensor(name, type, (buf, left) -> fillQ8(buf, r, f16), cols, rows);
        }
    }

    private static void fillQ8(ByteBuffer buf, SplittableRandom r, short scale) {
        byte[] quants = new byte[32];
        while (buf.remaining() >= 34) {
            buf.putShort(scale);
            for (int i = 0; i < 32; i += 8) {
                long bits = r.nextLong();
                for (int j = 0; j < 8; j++) {
                    quants[i + j] = (byte) (bits >>> (8 * j));
                }
            }
            buf.put(quants);
        }
    }
}
