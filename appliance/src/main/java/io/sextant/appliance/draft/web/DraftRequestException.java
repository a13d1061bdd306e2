package io.sextant.appliance.draft.web;

import io.micronaut.http.HttpStatus;

/**
 * A drafting request that cannot be carried out as asked: a bad field (400) or a draft the guard or the corpus will
 * not let be shown, edited or exported as it stands (409). The message is for the analyst and names nothing above
 * their access.
 */
final class DraftRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;

    DraftRequestException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
