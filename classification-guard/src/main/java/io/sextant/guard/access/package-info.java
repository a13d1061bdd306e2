/**
 * Access decisions (SPEC §5.2): may this user see, or release, this portion? All rules must hold, and anything
 * unreadable is denied.
 *
 * <ol>
 *   <li>level: the portion's US-equivalent level is at or below the clearance;</li>
 *   <li>SCI and SAP: every token of the portion (system, compartment, sub-compartment) is held; none implies
 *       another;</li>
 *   <li>AEA: RD, FRD, CNWDI, SIGMA and TFNI need the matching access (CNWDI and SIGMA also need RD/FRD);</li>
 *   <li>foreign disclosure, for non-US citizens (a dual national counts as foreign): NOFORN states deny; REL TO
 *       allows the listed countries and members of listed tetragraphs; DISPLAY ONLY allows listed countries to view,
 *       never to release; RELIDO alone, classified without FD&amp;R, FGI without FD&amp;R and caveated U without
 *       FD&amp;R deny; plain U allows;</li>
 *   <li>ORCON, ORCON-USGOV, PROPIN, FISA, DSEN and IMCON block release unless originator approval is recorded;</li>
 *   <li>NATO-classified information (NATO RESTRICTED and above, NATO FGI in US material) and NATO special
 *       markings need a NATO briefing.</li>
 * </ol>
 * A document is visible when every portion is.
 */
package io.sextant.guard.access;
