/**
 * Isolation of untrusted parsing: a pool of child JVMs, each running {@link io.sextant.ingest.isolate.ExtractorChild}
 * with its own heap limit and scratch directory, spoken to over stdin/stdout with {@link
 * io.sextant.ingest.isolate.WireFormat}. A parser that hangs is killed at the per-file timeout, one that crashes or runs
 * out of memory takes only its child down; either way the file is quarantined and the batch goes on.
 */
package io.sextant.ingest.isolate;
