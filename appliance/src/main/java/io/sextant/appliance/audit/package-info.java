/**
 * The append-only, hash-chained audit log: who did what, with which outcome, and the markings of what was shown —
 * never passwords, tokens or document text. Each row carries the SHA-256 of its predecessor over a canonical
 * serialization, so editing, deleting or reordering a row breaks the chain at that row ({@code sextant audit verify}).
 */
package io.sextant.appliance.audit;
