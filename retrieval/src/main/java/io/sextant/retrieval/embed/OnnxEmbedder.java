package io.sextant.retrieval.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sentence-embedding model (by default bge-small-en-v1.5, int8-quantised ONNX, shipped inside the langchain4j model
 * jar) run directly through ONNX Runtime with DJL's Rust tokenizer. Owning the loop lets us sort a batch by token
 * length and cut padding, which is where most CPU time goes when texts of very different lengths share a batch.
 * Pooling follows the model card ([CLS] for bge, mask-weighted mean for MiniLM), then L2 normalisation; queries get
 * the model's retrieval instruction.
 */
public final class OnnxEmbedder implements Embedder {

    private final OnnxModel spec;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final int maxTokens;
    private final int tokenBudget;
    private final boolean wantsTokenTypes;

    /**
     * @param spec           the model
     * @param intraOpThreads ONNX Runtime threads per batch (the cores to use)
     * @param maxTokens      window per text, at most 512
     * @param tokenBudget    padded tokens per batch (batch size × longest member); bounds memory and latency
     */
    public OnnxEmbedder(OnnxModel spec, int intraOpThreads, int maxTokens, int tokenBudget) {
        this.spec = spec;
        if (maxTokens < 8 || maxTokens > 512) {
            throw new IllegalArgumentException("maxTokens must be in [8, 512]: " + maxTokens);
        }
        this.maxTokens = maxTokens;
        this.tokenBudget = Math.max(tokenBudget, maxTokens);
        try (InputStream tok = resource(spec.tokenizer(), spec); InputStream model = resource(spec.onnx(), spec)) {
            Map<String, String> opts = new HashMap<>();
            opts.put("maxLength", Integer.toString(maxTokens));
            opts.put("truncation", "true");
            opts.put("padding", "false");
            opts.put("addSpecialTokens", "true");
            this.tokenizer = HuggingFaceTokenizer.newInstance(tok, opts);
            byte[] bytes = model.readAllBytes();
            this.env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions so = new OrtSession.SessionOptions();
            so.setIntraOpNumThreads(Math.max(1, intraOpThreads));
            so.setInterOpNumThreads(1);
            // Spinning worker threads burn the cores other services need on a shared appliance; park them instead.
            so.addConfigEntry("session.intra_op.allow_spinning", "0");
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(bytes, so);
            this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the embedding model from the class path", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot open the embedding model", e);
        }
    }

    /**
     * @param intraOpThreads ONNX Runtime threads
     * @param maxTokens      window per text
     * @param tokenBudget    padded tokens per batch
     */
    public OnnxEmbedder(int intraOpThreads, int maxTokens, int tokenBudget) {
        this(OnnxModel.BGE_SMALL_EN_V15_Q, intraOpThreads, maxTokens, tokenBudget);
    }

    /** bge-small with all cores, 512-token window, 8k padded tokens per batch (the measured best). */
    public OnnxEmbedder() {
        this(Runtime.getRuntime().availableProcessors(), 512, 8192);
    }

    private static InputStream resource(String name, OnnxModel spec) throws IOException {
        InputStream in = OnnxEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing class-path resource " + name + " (" + spec.artifact() + ")");
        }
        return in;
    }

    @Override
    public int dimension() {
        return spec.dimension();
    }

    @Override
    public String modelId() {
        return spec.id() + (spec.cls() ? "/cls" : "/mean") + "/l2/max" + maxTokens;
    }

    /**
     * Token ids for each text (with [CLS]/[SEP], truncated), exposed for throughput accounting.
     *
     * @param texts texts
     * @return ids per text
     */
    public long[][] tokenize(List<String> texts) {
        long[][] ids = new long[texts.size()][];
        for (int i = 0; i < ids.length; i++) {
            Encoding e = tokenizer.encode(texts.get(i));
            ids[i] = e.getIds();
        }
        return ids;
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        return embedTokenized(tokenize(passages));
    }

    @Override
    public float[] embedQuery(String query) {
        return embedPassages(List.of(spec.queryPrefix() + query)).get(0);
    }

    /**
     * Embeds pre-tokenised texts: sorts by length so each batch pads to a near-equal length, and sizes each batch so
     * batch × longest stays within the token budget.
     *
     * @param ids token ids per text
     * @return vectors in input order
     */
    public List<float[]> embedTokenized(long[][] ids) {
        Integer[] order = new Integer[ids.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> ids[i].length));
        float[][] out = new float[ids.length][];
        int start = 0;
        while (start < order.length) {
            int end = start;
            int longest = 0;
            while (end < order.length) {
                int len = ids[order[end]].length;
                int newLongest = Math.max(longest, len);
                if (end > start && newLongest * (end - start + 1) > tokenBudget) {
                    break;
                }
                longest = newLongest;
                end++;
            }
            runBatch(ids, order, start, end, longest, out);
            start = end;
        }
        return Arrays.asList(out);
    }

    private void runBatch(long[][] ids, Integer[] order, int from, int to, int seq, float[][] out) {
        int b = to - from;
        LongBuffer inputIds = LongBuffer.allocate(b * seq);
        LongBuffer mask = LongBuffer.allocate(b * seq);
        for (int r = 0; r < b; r++) {
            long[] row = ids[order[from + r]];
            for (int c = 0; c < seq; c++) {
                inputIds.put(c < row.length ? row[c] : 0L);
                mask.put(c < row.length ? 1L : 0L);
            }
        }
        inputIds.flip();
        mask.flip();
        long[] shape = {b, seq};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, inputIds, shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, mask, shape));
            if (wantsTokenTypes) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.allocate(b * seq), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                java.nio.FloatBuffer fb = hidden.getFloatBuffer();
                int dim = spec.dimension();
                int perRow = seq * dim;
                for (int r = 0; r < b; r++) {
                    float[] v = new float[dim];
                    if (spec.cls()) {
                        fb.get(r * perRow, v, 0, dim); // [CLS] is position 0
                    } else {
                        int len = ids[order[from + r]].length;
                        float[] tok = new float[dim];
                        for (int t = 0; t < len; t++) { // padding positions (t >= len) are masked out
                            fb.get(r * perRow + t * dim, tok, 0, dim);
                            for (int i = 0; i < dim; i++) {
                                v[i] += tok[i] / len;
                            }
                        }
                    }
                    out[order[from + r]] = VectorMath.normalize(v);
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding batch failed", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
        tokenizer.close();
    }
}
