/**
 * Remote OpenAI-compatible engines (vLLM, TGI, llama.cpp's server) over {@code java.net.http}: streaming SSE, timeouts,
 * retries with backoff on connection errors, a site CA bundle for TLS and a bearer API key.
 */
package io.sextant.inference.remote;
