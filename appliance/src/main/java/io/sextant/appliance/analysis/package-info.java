/**
 * Analysis workflows: evaluate a report, analysis of competing hypotheses, red cell, compare two documents and PIR
 * support. Each draws only on passages retrieved as the requesting analyst, cites every passage it uses, and runs its
 * whole output through the output guard before anyone sees it.
 */
package io.sextant.appliance.analysis;
