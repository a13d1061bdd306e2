package io.sextant.appliance.analysis;

/** A workflow that cannot run: bad input (400), an unknown or hidden document (404), or a guard refusal (403). */
public final class AnalysisException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status  the HTTP status it maps to
     * @param message what to tell the analyst (never content above their access)
     */
    public AnalysisException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    static AnalysisException badInput(String message) {
        return new AnalysisException(400, message);
    }

    static AnalysisException noSuchDocument() {
        return new AnalysisException(404, "no such document");
    }
}
