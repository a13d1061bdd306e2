/**
 * Test helpers shared through the inference test-jar: a GGUF v3 writer and random-weight LLaMA models that load in the
 * real java-llama.cpp, so tests and benchmarks never need downloaded weights.
 */
package io.sextant.inference.gguf.testing;
