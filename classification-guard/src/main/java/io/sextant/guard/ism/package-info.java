/**
 * ISM-style attributes of a marking (SPEC §5.5) for XML/JSON metadata exports: the marking's categories as the
 * space-separated token lists ODNI ISM.XML uses ({@code classification}, {@code ownerProducer}, {@code SCIcontrols},
 * {@code disseminationControls}, {@code releasableTo}...).
 */
package io.sextant.guard.ism;
