/**
 * Local GGUF models through java-llama.cpp: loading, GPU offload reporting, fair bounded queueing over the parallel
 * slots, streaming with stop sequences and cancellation. The version-specific calls sit in {@code LlamaBinding}, one
 * per java-llama.cpp generation, compiled from the source root the Maven profile selects.
 */
package io.sextant.inference.llamacpp;
