package io.sextant.appliance.audit;

/** The result of checking the audit chain: intact, or broken at a named row. */
public sealed interface ChainStatus {

    /**
     * Every row links to its predecessor and hashes to what it carries.
     *
     * @param rows how many rows were checked
     * @param headHash the hash of the last row (record it elsewhere to detect truncation later)
     */
    record Intact(long rows, String headHash) implements ChainStatus {
    }

    /**
     * The first row that does not check out.
     *
     * @param seq its sequence number (or the number expected where a row is missing)
     * @param reason why
     */
    record Broken(long seq, String reason) implements ChainStatus {
    }
}
