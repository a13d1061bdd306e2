/**
 * Dense embeddings: bge-small-en-v1.5 (int8 ONNX, from the model jar) run through ONNX Runtime with length-bucketed
 * batches, plus a query LRU and an on-disk passage cache keyed by model and text hash.
 */
package io.sextant.retrieval.embed;
