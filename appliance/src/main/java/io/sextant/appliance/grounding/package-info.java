/**
 * Grounded generation: the one path from "a user asks" to "a user sees generated text". Passages are retrieved as the
 * requesting user (clearance-trimmed), handed to the engine as numbered evidence, the answer's citations are checked
 * against what was offered, and the whole product passes the classification guard before anything but the
 * provisional stream leaves. Answers, drafts and analytic workflows all go through {@link
 * io.sextant.appliance.grounding.GroundedWriter}.
 */
package io.sextant.appliance.grounding;
