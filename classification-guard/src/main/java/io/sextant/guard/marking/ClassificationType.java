package io.sextant.guard.marking;

/**
 * The three mutually exclusive classification types of SPEC §1.4, with non-US split into foreign-government (FGI)
 * and NATO because their syntax and roll-up contributions differ.
 */
public enum ClassificationType {
    /** A US classification: {@code SECRET//...}, {@code (S//...)}. */
    US,
    /** A foreign government's classification, segregated: {@code //DEU SECRET}, {@code (//FGI S)}. */
    FGI,
    /** A NATO classification: {@code //NATO SECRET}, {@code (//CTS)}. */
    NATO,
    /** Jointly owned with the US: {@code //JOINT SECRET GBR USA}. */
    JOINT
}
