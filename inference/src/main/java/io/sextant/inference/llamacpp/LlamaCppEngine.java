package io.sextant.inference.llamacpp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import io.sextant.inference.Cancellation;
import io.sextant.inference.Completion;
import io.sextant.inference.EngineInfo;
import io.sextant.inference.EngineUnavailableException;
import io.sextant.inference.FinishReason;
import io.sextant.inference.GenerationFailedException;
import io.sextant.inference.GenerationRequest;
import io.sextant.inference.GenerationSettings;
import io.sextant.inference.Generator;
import io.sextant.inference.InvalidRequestException;
import io.sextant.inference.OutputConstraint;
import io.sextant.inference.TokenSink;
import io.sextant.inference.gguf.GgufMetadata;
import io.sextant.inference.gguf.GgufReader;
import io.sextant.inference.prompt.ChatTemplate;
import io.sextant.inference.prompt.GroundingPrompt;
import io.sextant.inference.prompt.StopFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A local GGUF model served through java-llama.cpp: the only class (with {@link LlamaBinding} and {@link NativeLog})
 * that touches the library. Requests share the model's parallel slots, queue first come first served behind a bound,
 * stream token by token, and stop at the next token when cancelled.
 */
public final class LlamaCppEngine implements Generator {

    private static final System.Logger LOG = System.getLogger(LlamaCppEngine.class.getName());
    private static final Object LOAD_LOCK = new Object();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LlamaSettings settings;
    private final GgufMetadata metadata;
    private final ChatTemplate template;
    private final LlamaModel model;
    private final GpuOffload offload;
    private final SlotScheduler slots;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final boolean addsBos;
    private volatile boolean closed;

    private LlamaCppEngine(LlamaSettings settings, GgufMetadata metadata, LlamaModel model, GpuOffload offload) {
        this.settings = settings;
        this.metadata = metadata;
        this.template = ChatTemplate.detect(metadata.chatTemplate());
        this.model = model;
        this.offload = offload;
        this.slots = new SlotScheduler(settings.parallel(), settings.maxQueued(), settings.queueTimeout());
        this.addsBos = !Boolean.FALSE.equals(metadata.values().get("tokenizer.ggml.add_bos_token"));
    }

    /**
     * Checks a GGUF file and loads it.
     *
     * @param settings the model and how to run it
     * @return the engine, ready to generate
     * @throws io.sextant.inference.ModelFormatException when the file is not a readable GGUF model
     * @throws EngineUnavailableException when llama.cpp cannot load it (or its native library cannot load)
     */
    public static LlamaCppEngine load(LlamaSettings settings) {
        GgufMetadata metadata = GgufReader.read(settings.model());
        LlamaModel model;
        List<String> log;
        synchronized (LOAD_LOCK) {
            try {
                NativeExtraction.prepare();
                NativeLog.install();
                NativeLog.startCapture();
                model = new LlamaModel(LlamaBinding.modelParameters(settings));
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                throw new EngineUnavailableException("llama.cpp could not load " + settings.model().getFileName()
                        + ": " + e.getMessage(), e);
            } finally {
                log = NativeLog.stopCapture();
            }
        }
        GpuOffload offload = GpuOffload.determine(log, settings.gpuLayers(), metadata.blockCount(),
                NativeProbe.ofThisProcess());
        LlamaCppEngine engine = new LlamaCppEngine(settings, metadata, model, offload);
        LOG.log(System.Logger.Level.INFO, "loaded {0} ({1}, {2}, {3} parameters) with {4}: {5} slots of {6} tokens,"
                + " chat template {7}, offload: {8} ({9})", settings.model().getFileName(), metadata.architecture(),
                metadata.quantization(), metadata.parameterCount(), LlamaBinding.API, settings.parallel(),
                settings.slotContext(), engine.template, offload.describe(), offload.evidence());
        return engine;
    }

    @Override
    public Completion generate(GenerationRequest request, TokenSink sink, Cancellation cancellation) {
        ensureOpen();
        String prompt = template.render(GroundingPrompt.messages(request));
        int promptTokens = tokens(prompt);
        int budget = settings.slotContext() - promptTokens;
        if (budget < 1) {
            throw new InvalidRequestException("the prompt takes " + promptTokens + " tokens but one request may use "
                    + settings.slotContext() + "; send fewer or shorter passages");
        }
        int limit = Math.min(request.settings().maxTokens(), budget);
        InferenceParameters params = parameters(prompt, request.settings(), limit);
        long start = System.nanoTime();
        if (!slots.acquire(cancellation)) {
            return new Completion("", promptTokens, 0, FinishReason.CANCELLED, Duration.ZERO, since(start));
        }
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            return stream(params, request.settings(), limit, promptTokens, sink, cancellation, start);
        } finally {
            lifecycle.readLock().unlock();
            slots.release();
        }
    }

    private Completion stream(InferenceParameters params, GenerationSettings gs, int limit, int promptTokens,
            TokenSink sink, Cancellation cancellation, long start) {
        List<String> stops = new ArrayList<>(gs.stop());
        stops.addAll(template.stops());
        StopFilter filter = new StopFilter(stops);
        StringBuilder text = new StringBuilder();
        int generated = 0;
        long first = 0;
        FinishReason reason = null;
        LlamaIterator it;
        try {
            it = model.generate(params).iterator();
        } catch (RuntimeException e) {
            throw new GenerationFailedException("llama.cpp refused the request: " + e.getMessage(), e);
        }
        while (reason == null && it.hasNext()) {
            if (cancellation.isCancelled() || closed) {
                it.cancel();
                reason = FinishReason.CANCELLED;
                break;
            }
            LlamaOutput out;
            try {
                out = it.next();
            } catch (RuntimeException e) {
                throw new GenerationFailedException("llama.cpp failed while generating: " + e.getMessage(), e);
            }
            if (it.hasNext() || !out.text.isEmpty()) {
                generated++;
            }
            String piece = filter.accept(out.text);
            if (!piece.isEmpty()) {
                first = first == 0 ? System.nanoTime() : first;
                emit(sink, piece, it);
                text.append(piece);
            }
            if (filter.matched()) {
                if (it.hasNext()) {
                    it.cancel();
                }
                reason = FinishReason.STOP_SEQUENCE;
            }
        }
        if (reason == null) {
            String tail = filter.finish();
            if (!tail.isEmpty()) {
                first = first == 0 ? System.nanoTime() : first;
                emit(sink, tail, null);
                text.append(tail);
            }
        }
        // the stream merges tokens that end inside a UTF-8 character, so the output count can undercount
        generated = Math.min(limit, Math.max(generated, text.isEmpty() ? 0 : model.encode(text.toString()).length));
        if (reason == null) {
            reason = generated >= limit ? FinishReason.LENGTH : FinishReason.END_OF_TURN;
        }
        Duration ttft = first == 0 ? Duration.ZERO : Duration.ofNanos(first - start);
        return new Completion(text.toString(), promptTokens, generated, reason, ttft, since(start));
    }

    private static void emit(TokenSink sink, String piece, LlamaIterator it) {
        try {
            sink.accept(piece);
        } catch (RuntimeException e) {
            if (it != null && it.hasNext()) {
                it.cancel();
            }
            throw new GenerationFailedException("the client stopped receiving (" + e + "); generation cancelled", e);
        }
    }

    private InferenceParameters parameters(String prompt, GenerationSettings gs, int limit) {
        InferenceParameters p = new InferenceParameters(prompt)
                .setNPredict(limit)
                .setTemperature((float) gs.temperature())
                .setTopP((float) gs.topP())
                .setSeed((int) gs.seed())
                .setCachePrompt(true);
        if (gs.temperature() == 0) {
            p.setTopK(1);
        }
        switch (gs.constraint()) {
            case OutputConstraint.None none -> { }
            case OutputConstraint.JsonSchema js -> LlamaBinding.constrainToJsonSchema(p, canonicalJson(js));
            case OutputConstraint.Grammar g -> p.setGrammar(g.gbnf());
        }
        return p;
    }

    private static String canonicalJson(OutputConstraint.JsonSchema schema) {
        try {
            return JSON.writeValueAsString(JSON.readTree(schema.schemaJson()));
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("the JSON schema does not parse: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public int countTokens(String text) {
        ensureOpen();
        try {
            return text.isEmpty() ? 0 : model.encode(text).length;
        } catch (RuntimeException e) {
            throw new GenerationFailedException("llama.cpp could not tokenize: " + e.getMessage(), e);
        }
    }

    @Override
    public int countPromptTokens(GenerationRequest request) {
        return tokens(template.render(GroundingPrompt.messages(request)));
    }

    private int tokens(String prompt) {
        return countTokens(prompt) + (addsBos ? 1 : 0);
    }

    @Override
    public EngineInfo info() {
        return new EngineInfo("llama.cpp", settings.model().getFileName().toString(), settings.slotContext(),
                offload.describe());
    }

    /**
     * What the GGUF header says about the model.
     *
     * @return the metadata
     */
    public GgufMetadata metadata() {
        return metadata;
    }

    /**
     * Whether and where llama.cpp offloaded layers to a GPU.
     *
     * @return the offload state, read from the load log
     */
    public GpuOffload gpuOffload() {
        return offload;
    }

    /**
     * The chat-template family used to render prompts.
     *
     * @return the family
     */
    public ChatTemplate chatTemplate() {
        return template;
    }

    /**
     * The underlying java-llama.cpp model, for the benchmark's direct-call baseline on the very same instance.
     *
     * @return the model
     */
    LlamaModel nativeModel() {
        return model;
    }

    /**
     * Requests waiting for a slot now.
     *
     * @return the queue length
     */
    public int queued() {
        return slots.queued();
    }

    /** Refuses new requests, cancels queued ones, lets running ones stop at their next token, then frees the model. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        slots.close();
        lifecycle.writeLock().lock();
        try {
            LlamaBinding.free(model);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new EngineUnavailableException("the model " + settings.model().getFileName() + " is unloaded");
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
