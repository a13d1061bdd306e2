package io.sextant.appliance.admin;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What the admin status page and {@code GET /api/admin/status} show. Counts are of the whole corpus (operational
 * figures for administrators; no content).
 *
 * @param dataDir the data directory
 * @param diskFreeBytes usable space on the data directory's file system
 * @param diskTotalBytes size of that file system
 * @param indexBytes the search index's size on disk
 * @param documents stored documents (including extracted attachments)
 * @param passages stored passages
 * @param engine the answering engine's kind ("extractive" when no model is loaded)
 * @param model the loaded model's registry name, or null
 * @param contextTokens the engine's context per request (0 for extractive)
 * @param accelerator where it runs
 * @param gpuLayers layers offloaded to a GPU
 * @param totalLayers the model's layers (0 when unknown or no model)
 * @param engineNote why the extractive engine is in use, or null
 * @param uptimeSeconds seconds since the server started
 * @param heapUsedBytes JVM heap in use
 * @param heapMaxBytes JVM heap limit
 * @param marking the banner for this content (always UNCLASSIFIED: no document content)
 */
@Serdeable
public record SystemStatus(String dataDir, long diskFreeBytes, long diskTotalBytes, long indexBytes, long documents,
                           long passages, String engine, String model, int contextTokens, String accelerator,
                           int gpuLayers, int totalLayers, String engineNote, long uptimeSeconds, long heapUsedBytes,
                           long heapMaxBytes, String marking) {
}
