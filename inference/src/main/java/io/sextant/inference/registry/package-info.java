/**
 * The model registry under {@code <data-dir>/models}: GGUF validation, SHA-256, detached-signature verification with
 * Bouncy Castle (Ed25519 or ECDSA P-384 site keys), manifests and the default model.
 */
package io.sextant.inference.registry;
