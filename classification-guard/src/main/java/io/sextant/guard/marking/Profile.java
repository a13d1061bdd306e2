package io.sextant.guard.marking;

/**
 * Which rule book applies where the IC Register (CAPCO) and DoDM 5200.01 disagree (SPEC §4 R7, §1.6). IC is the
 * default; DOD changes only the FD&amp;R roll-up of REL TO mixed with uncaveated portions and the CUI banner.
 */
public enum Profile {
    /** Intelligence Community rules (CAPCO Register and Manual). */
    IC,
    /** DoD rules for non-intelligence material (DoDM 5200.01 Vol 2, Encl. 4). */
    DOD
}
