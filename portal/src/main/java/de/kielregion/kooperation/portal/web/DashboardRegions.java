package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.clients.projects.model.RegionReach;
import io.quarkus.qute.TemplateExtension;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The regions the dashboard shows: the most involved few, not every one (5,000 regions and
 * districts at a million activities made a page of seconds and of that length). The partner
 * list holds them all.
 */
public final class DashboardRegions {

    /** How many regions the dashboard shows. */
    public static final int SHOWN = 10;

    /** Ties by name as German sorts it (Å, Ä, Ö among the A and O). */
    private static final Collator GERMAN = Collator.getInstance(Locale.GERMAN);

    private DashboardRegions() {}

    /**
     * The {@value #SHOWN} regions with the most projects, activities and relations together
     * (ties by name), in that order: {@code {#for r in o.reach.byRegion.mostInvolved}}.
     */
    @TemplateExtension
    static List<RegionReach> mostInvolved(List<RegionReach> regions) {
        return regions.stream()
                .sorted(Comparator.comparingLong(DashboardRegions::involvement)
                        .reversed()
                        .thenComparing(r -> r.getName() == null ? "" : r.getName(), GERMAN))
                .limit(SHOWN)
                .toList();
    }

    /** How many regions the dashboard leaves to the partner list. */
    @TemplateExtension
    static int notShown(List<RegionReach> regions) {
        return Math.max(0, regions.size() - SHOWN);
    }

    private static long involvement(RegionReach r) {
        return value(r.getProjects()) + value(r.getActivities()) + value(r.getRelations());
    }

    private static long value(Long count) {
        return count == null ? 0 : count;
    }
}
