package io.sextant.appliance.jobs;

import io.sextant.appliance.security.Principal;
import io.sextant.appliance.security.Role;
import io.sextant.guard.access.AccessDecision;
import io.sextant.guard.access.AccessPolicy;
import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.rollup.Rollup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may see which job and which result: a user sees their own jobs, an admin everyone's; a result's marking, and
 * its file, only when that marking is within the viewer's clearance. Shared by the API and the page.
 */
final class JobAccess {

    private static final MarkingParser PARSER = MarkingParser.defaultParser();

    private JobAccess() {
    }

    static boolean isAdmin(Principal p) {
        return p.account().role() == Role.ADMIN;
    }

    static Optional<JobRecord> visibleJob(JobStore store, Principal p, String id) {
        return store.find(id).filter(j -> j.user().equals(p.name()) || isAdmin(p));
    }

    static List<JobRecord> visibleJobs(JobStore store, Principal p) {
        return store.list(isAdmin(p) ? null : p.name(), 200);
    }

    /**
     * @param clearance the viewer's clearance
     * @param banner    a stored result banner
     * @return whether the viewer may see something so marked
     */
    static boolean within(Clearance clearance, String banner) {
        try {
            Marking m = PARSER.parseBanner(banner).marking();
            return AccessPolicy.decide(clearance, m) instanceof AccessDecision.Allow;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * @param clearance the viewer's clearance
     * @param jobs      the jobs shown
     * @return the banner of everything shown: the roll-up of the result markings the viewer sees
     */
    static String banner(Clearance clearance, List<JobRecord> jobs) {
        List<Marking> shown = new ArrayList<>();
        for (JobRecord j : jobs) {
            for (TaskRecord t : j.tasks()) {
                if (t.marking() != null && within(clearance, t.marking())) {
                    shown.add(PARSER.parseBanner(t.marking()).marking());
                }
            }
        }
        if (shown.isEmpty()) {
            return "UNCLASSIFIED";
        }
        try {
            return MarkingFormatter.banner(Rollup.of(shown));
        } catch (RuntimeException e) {
            return shown.stream().map(MarkingFormatter::banner).max(java.util.Comparator.comparing(String::length))
                    .orElse("UNCLASSIFIED");
        }
    }
}
