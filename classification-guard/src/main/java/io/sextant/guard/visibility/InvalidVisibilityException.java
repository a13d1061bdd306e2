package io.sextant.guard.visibility;

/** A visibility expression that does not follow the syntax: the reason and the 0-based character position. */
public final class InvalidVisibilityException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final String reason;

    /**
     * @param reason   what is wrong
     * @param position 0-based index into the expression
     */
    public InvalidVisibilityException(String reason, int position) {
        super(reason + " at position " + position);
        this.reason = reason;
        this.position = position;
    }

    /** @return the 0-based index into the expression */
    public int position() {
        return position;
    }

    /** @return what is wrong, without the position */
    public String reason() {
        return reason;
    }
}
