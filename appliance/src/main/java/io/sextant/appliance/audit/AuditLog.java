package io.sextant.appliance.audit;

import java.util.List;

/** The audit trail: append, read the tail, verify the chain. */
public interface AuditLog {

    /**
     * Appends an event at the end of the chain. Failing to audit is an error the caller must not swallow: an action
     * that cannot be audited must not happen.
     *
     * @param event what to record
     * @return the stored row
     * @throws AuditException when the row cannot be stored
     */
    AuditRecord append(AuditEvent event);

    /**
     * @param n how many rows at most
     * @return the last {@code n} rows, oldest first
     */
    List<AuditRecord> tail(int n);

    /** @return the state of the whole chain, naming the first broken row if any */
    ChainStatus verify();
}
