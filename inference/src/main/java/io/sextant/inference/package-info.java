/**
 * The generation API every Sextant engine implements ({@link io.sextant.inference.Generator}), with its values
 * (messages, grounding passages, settings, completions) and one sealed exception family. The module knows nothing
 * about classification markings: the appliance applies the guard to whatever comes out.
 */
package io.sextant.inference;
