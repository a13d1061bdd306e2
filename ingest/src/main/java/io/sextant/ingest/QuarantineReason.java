package io.sextant.ingest;

import java.util.Locale;

/** Why a file was set aside instead of ingested: a fixed vocabulary so that operators can count and filter. */
public enum QuarantineReason {
    /** Password protected or encrypted; no password was available. */
    ENCRYPTED("encrypted"),
    /** Damaged or truncated bytes, or a parser crash on them. */
    CORRUPT("corrupt"),
    /** No parser understands the format. */
    UNSUPPORTED("unsupported"),
    /** Over the size limit, a suspected zip bomb, or a parse that ran out of memory. */
    TOO_LARGE("too large"),
    /** The parse did not finish within the per-file time limit. */
    TIMEOUT("timeout"),
    /** The file parsed but holds no text at all. */
    NO_TEXT("no text");

    private final String label;

    QuarantineReason(String label) {
        this.label = label;
    }

    /**
     * The reason as users see it.
     *
     * @return the label, e.g. {@code "too large"}
     */
    public String label() {
        return label;
    }

    /**
     * Reads a label written by {@link #label()}.
     *
     * @param label a label
     * @return the reason
     * @throws IllegalArgumentException for an unknown label
     */
    public static QuarantineReason ofLabel(String label) {
        for (QuarantineReason r : values()) {
            if (r.label.equals(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown quarantine reason: " + label);
    }

    @Override
    public String toString() {
        return label.toUpperCase(Locale.ROOT);
    }
}
