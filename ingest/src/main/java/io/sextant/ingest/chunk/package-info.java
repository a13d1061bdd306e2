/**
 * Structure-aware chunking of marked blocks into passages of a target size, never across a change of marking.
 */
package io.sextant.ingest.chunk;
