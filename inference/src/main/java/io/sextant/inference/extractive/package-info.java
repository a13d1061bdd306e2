/**
 * The extractive engine: answers composed of verbatim, cited sentences from the grounding passages (TF-IDF relevance
 * plus maximal marginal relevance), for appliances without a generative model.
 */
package io.sextant.inference.extractive;
