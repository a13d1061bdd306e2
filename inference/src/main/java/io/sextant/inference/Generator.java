package io.sextant.inference;

/**
 * The one generation interface every engine implements: chat messages and grounding passages in, text streamed out.
 * Implementations are thread-safe; each has one owner that closes it.
 *
 * <p>Engines: {@code LlamaCppEngine} (a local GGUF model), {@code OpenAiCompatibleEngine} (vLLM, TGI or llama.cpp's
 * server inside the closed network) and {@code ExtractiveEngine} (no model: quotes the passages).
 */
public interface Generator extends AutoCloseable {

    /**
     * Generates one completion, streaming each piece to the sink as it is produced; blocks until done.
     *
     * @param request the messages, passages and settings
     * @param sink receives the text piece by piece on the calling thread
     * @param cancellation cancels the request while queued or running
     * @return the completion; {@link FinishReason#CANCELLED} when cancelled
     * @throws EngineBusyException when the engine's queue is full
     * @throws InvalidRequestException when the prompt does not fit or a setting cannot be honoured
     * @throws InferenceException for any other failure
     */
    Completion generate(GenerationRequest request, TokenSink sink, Cancellation cancellation);

    /**
     * Generates without streaming or cancellation.
     *
     * @param request the request
     * @return the completion
     */
    default Completion generate(GenerationRequest request) {
        return generate(request, TokenSink.DISCARD, Cancellation.create());
    }

    /**
     * Counts the tokens a text takes with this engine's tokenizer, for prompt budgeting.
     *
     * @param text any text
     * @return the token count (an upper-bound estimate for engines without a tokenizer)
     */
    int countTokens(String text);

    /**
     * Counts the tokens of a whole request as the engine will render it (chat template and passages included).
     *
     * @param request the request
     * @return the prompt's token count
     */
    int countPromptTokens(GenerationRequest request);

    /**
     * Describes the engine.
     *
     * @return the description
     */
    EngineInfo info();

    /** Releases the model and any native memory; generation afterwards fails with {@link EngineUnavailableException}. */
    @Override
    void close();
}
