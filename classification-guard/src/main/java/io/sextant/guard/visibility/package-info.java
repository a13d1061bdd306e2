/**
 * Visibility expressions: the access rules of SPEC §5.2 as AND/OR formulas over authorization tokens, in the spirit
 * of Apache Accumulo's column visibility (SPEC §5.3), so a search index can filter by clearance inside the query.
 *
 * <p>{@link io.sextant.guard.visibility.Visibility#of(io.sextant.guard.marking.Marking)} labels a portion;
 * {@link io.sextant.guard.visibility.Visibility#authorizations(io.sextant.guard.access.Clearance)} expands a user;
 * {@link io.sextant.guard.visibility.VisibilityExpression#clauses()} gives the conjunctive normal form an index stores
 * (every clause must share a token with the user's authorizations). The encoding agrees with
 * {@link io.sextant.guard.access.AccessPolicy} on every (marking, clearance) pair; a randomized test checks it.
 */
package io.sextant.guard.visibility;
