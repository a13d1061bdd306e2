/**
 * The passage index: one writer, near-real-time searchers, atomic commits, a checksum check at open, atomic
 * replacement of a document's passages, and a read-only view of the last commit for the CLI.
 */
package io.sextant.retrieval.index;
