package io.sextant.guard.marking;

/**
 * A marking the guard rejects: the reason in plain words and the 0-based character index into the input where the
 * problem is. Unchecked so that callers in streams can still fail closed; every entry point documents it.
 */
public final class InvalidMarkingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final String reason;

    /**
     * @param reason   what is wrong
     * @param position 0-based index into the input
     */
    public InvalidMarkingException(String reason, int position) {
        super(reason + " at position " + position);
        this.reason = reason;
        this.position = position;
    }

    /** @return the 0-based character index into the input */
    public int position() {
        return position;
    }

    /** @return what is wrong, without the position */
    public String reason() {
        return reason;
    }
}
