/**
 * Marking detection in free text: banner lines, portion marks that open a paragraph, and marking-like strings
 * anywhere (claims a model or a hostile document wrote into the text). Ingest uses the first two to split documents
 * into portions; the output guard uses all three to check claims. One linear scan; the parser runs only behind cheap
 * pre-checks.
 */
package io.sextant.guard.detect;
