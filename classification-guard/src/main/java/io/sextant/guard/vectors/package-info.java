/**
 * Test-vector checking (SPEC §10) shared by {@code sextant markings check} and the unit tests: parse_portion and
 * parse_banner compare canonical text, rollup compares the banner, access compares ALLOW/DENY, and any case whose
 * expectation starts with {@code ERROR} (or of kind invalid) passes when the guard rejects the input.
 */
package io.sextant.guard.vectors;
