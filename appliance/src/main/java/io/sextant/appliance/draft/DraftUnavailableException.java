package io.sextant.appliance.draft;

/**
 * A draft cannot be made, marked or exported for this analyst now: an unknown template or draft, or a cited passage
 * the analyst can no longer see (deleted, re-marked, or the analyst's clearance lowered). The message names nothing
 * the analyst may not see.
 */
public final class DraftUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what to tell the analyst */
    public DraftUnavailableException(String message) {
        super(message);
    }
}
