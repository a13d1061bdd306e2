/**
 * Ask: cited, portion-marked answers to an analyst's questions, streamed as they are written; conversations kept per
 * user; feedback on answers; and an OpenAI-compatible chat API for other tools on the closed network. Retrieval is
 * always as the asking user, and every delivered answer has passed the output guard.
 */
package io.sextant.appliance.ask;
