/**
 * Search for analysts: {@code GET /api/search} and the {@code /search} page (hybrid retrieval with filters, facets and
 * highlighted snippets carrying their portion marks), and the document view a citation opens
 * ({@code /documents/{id}?passage=P}, {@code GET /api/documents/{id}/passages}). Everything is trimmed to the
 * caller's clearance inside the index query and re-checked by the guard; a document the caller may see no passage of
 * answers exactly like one that does not exist.
 */
package io.sextant.appliance.search;
