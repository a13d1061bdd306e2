package io.sextant.guard.rollup;

/**
 * No banner could be derived (fail closed, SPEC §4 R1): an invalid portion, or a combination the guard has no
 * canonical banner for. {@link #portion()} is the 1-based index of the offending portion, or 0 for the whole set.
 */
public final class RollupException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int portion;

    /**
     * @param message what is wrong
     * @param portion the 1-based portion index, or 0
     * @param cause   the underlying error, or null
     */
    public RollupException(String message, int portion, Throwable cause) {
        super(message, cause);
        this.portion = portion;
    }

    /** @return the 1-based index of the offending portion, or 0 when the problem is the set as a whole */
    public int portion() {
        return portion;
    }
}
