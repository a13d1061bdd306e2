/**
 * Banner roll-up (SPEC §4): the banner of a document derived from its portions, under the IC profile by default or
 * the DOD profile.
 *
 * <ul>
 *   <li>R1 every portion is validated as a portion; any invalid portion means no banner (fail closed).</li>
 *   <li>R2/R3 the highest US-equivalent level (NATO and foreign levels mapped; RESTRICTED ranks as C); the banner is
 *       always a US banner, JOINT is not carried; UNCLASSIFIED only when every portion is.</li>
 *   <li>R4 union of SCI (compartments and sub-compartments merged), SAP and AEA.</li>
 *   <li>R5 {@code FGI} with the union of sources (NATO portions give NATO, JOINT portions their non-US owners), or
 *       {@code FGI} alone when any portion conceals its source.</li>
 *   <li>R6 handling controls unite; ORCON supersedes ORCON-USGOV; FOUO only in an all-U banner with no other
 *       handling or non-IC control.</li>
 *   <li>R7 foreign disclosure and release: U portions without FD&amp;R are ignored; any NOFORN state wins; a
 *       classified portion without FD&amp;R next to REL/RELIDO/DISPLAY gives NOFORN (DOD: no FD&amp;R); REL TO
 *       lists intersect with FVEY/ACGU/TEYE expanded, literal common tetragraphs kept, covered trigraphs dropped,
 *       empty gives NOFORN (DOD: no FD&amp;R); RELIDO only when every portion has it; DISPLAY ONLY from the common
 *       disclosure set.</li>
 *   <li>R8 NODIS supersedes EXDIS, SBU NOFORN supersedes SBU, LES NOFORN supersedes LES; in a classified banner
 *       LES NOFORN becomes {@code NOFORN//LES} (likewise SBU); an all-U banner keeps {@code LES NOFORN}.</li>
 *   <li>CUI appears only in an all-unclassified banner (categories united, LDCs united; DOD: plain {@code CUI});
 *       classified banners omit it, though CUI NOFORN still counts for R7.</li>
 *   <li>R9 lists are always written out in full.</li>
 *   <li>R10 {@link io.sextant.guard.rollup.BannerCheck} checks a supplied banner against its portions.</li>
 * </ul>
 */
package io.sextant.guard.rollup;
