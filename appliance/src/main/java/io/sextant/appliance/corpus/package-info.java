/**
 * The analyst's corpus as one service: the ingest store, the Lucene passage index and the embedding model opened
 * together, the ingest outbox drained into the index, and every read trimmed to one user's clearance. The server and
 * the console commands share it, so there is one path from a stored passage to anything a user sees.
 */
package io.sextant.appliance.corpus;
