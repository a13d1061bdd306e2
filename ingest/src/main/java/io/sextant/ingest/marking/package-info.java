/**
 * Classification markings of extracted text: banner lines and portion marks found with the guard's parser, each block
 * assigned the marking of its portion, the document assigned the roll-up, contradictions flagged and resolved upward.
 */
package io.sextant.ingest.marking;
