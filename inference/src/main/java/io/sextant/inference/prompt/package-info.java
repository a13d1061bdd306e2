/**
 * Prompt rendering shared by the generative engines: chat-template families recognised from a GGUF's Jinja template,
 * and the rendering of grounding passages into the conversation.
 */
package io.sextant.inference.prompt;
