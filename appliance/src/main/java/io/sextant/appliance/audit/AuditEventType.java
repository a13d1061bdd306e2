package io.sextant.appliance.audit;

/** What an audit row records. The names are stored in the log; never rename one. */
public enum AuditEventType {
    /** A sign-in attempt on the web UI (ok, failed, or refused while locked or rate limited). */
    LOGIN,
    /** A sign-out. */
    LOGOUT,
    /** A request refused for want of authentication or role. */
    ACCESS_DENIED,
    /** A password change by its owner. */
    PASSWORD_CHANGED,
    /** An account created. */
    USER_CREATED,
    /** A clearance set by an administrator. */
    CLEARANCE_SET,
    /** An account locked by an administrator, or automatically after repeated failures. */
    ACCOUNT_LOCKED,
    /** An account unlocked by an administrator. */
    ACCOUNT_UNLOCKED,
    /** An API token issued. */
    TOKEN_ISSUED,
    /** An API token revoked. */
    TOKEN_REVOKED,
    /** The classification guard refused to release something. */
    GUARD_REFUSAL,
    /** A search, with the markings of the hits shown. */
    SEARCH,
    /** A question answered, with the markings of the passages used. */
    QUESTION,
    /** A draft produced. */
    DRAFT,
    /** An export. */
    EXPORT,
    /** A document ingested. */
    INGEST,
    /** A document deleted from the library by its owner or an administrator. */
    DOCUMENT_DELETED,
    /** Thumbs up/down or a correction given on an answer. */
    FEEDBACK,
    /** An analysis workflow run: red cell, competing hypotheses, PIR support, evaluation, comparison. */
    ANALYSIS,
    /** An entity table or graph shown. */
    ENTITIES,
    /** A batch job submitted, cancelled, or one of its tasks finished or failed. */
    JOB,
    /** A configuration change by an administrator (models, certificate mappings). */
    ADMIN_CHANGE
}
