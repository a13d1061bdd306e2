package io.sextant.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits that keep hostile input from exhausting the machine.
 *
 * @param maxFileBytes files larger than this are quarantined as too large without being opened
 * @param maxChars extracted characters per file (all embedded documents together); beyond it text is truncated
 * @param maxEmbeddedDepth deepest nesting of embedded documents followed
 * @param maxEmbeddedResources most embedded documents extracted from one file
 * @param timeout wall-clock limit for one file
 * @param maxCompressionRatio output/input ratio above which a file is treated as a zip bomb
 */
public record ExtractionLimits(
        long maxFileBytes,
        int maxChars,
        int maxEmbeddedDepth,
        int maxEmbeddedResources,
        Duration timeout,
        long maxCompressionRatio) {

    /** Defaults sized for analyst documents: 256 MB files, 20 M characters, depth 5, 1000 parts, 120 s. */
    public static final ExtractionLimits DEFAULTS =
            new ExtractionLimits(256L << 20, 20_000_000, 5, 1000, Duration.ofSeconds(120), 100);

    /** Validates. */
    public ExtractionLimits {
        if (maxFileBytes <= 0 || maxChars <= 0 || maxEmbeddedDepth < 0 || maxEmbeddedResources < 0
                || maxCompressionRatio <= 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxFileBytes + ", " + maxChars + ", "
                    + maxEmbeddedDepth + ", " + maxEmbeddedResources + ", " + maxCompressionRatio);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /**
     * A copy with another timeout.
     *
     * @param t the timeout
     * @return new limits
     */
    public ExtractionLimits withTimeout(Duration t) {
        return new ExtractionLimits(maxFileBytes, maxChars, maxEmbeddedDepth, maxEmbeddedResources, t,
                maxCompressionRatio);
    }

    /**
     * A copy with another file-size limit.
     *
     * @param bytes the limit
     * @return new limits
     */
    public ExtractionLimits withMaxFileBytes(long bytes) {
        return new ExtractionLimits(bytes, maxChars, maxEmbeddedDepth, maxEmbeddedResources, timeout,
                maxCompressionRatio);
    }
}
