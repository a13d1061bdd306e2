/**
 * Sextant's own reader for GGUF headers: architecture, context length, chat template, quantization and parameter count
 * without loading weights, and the format checks the model registry runs before it accepts a file.
 */
package io.sextant.inference.gguf;
