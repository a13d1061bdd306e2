package io.sextant.appliance.search;

/**
 * A search parameter the caller got wrong. Its message names the parameter and what is allowed, never a value taken
 * from the index, so it is safe to show.
 */
public final class BadSearchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what is allowed */
    public BadSearchException(String message) {
        super(message);
    }
}
