package de.kielregion.kooperation.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.kielregion.kooperation.portal.clients.projects.model.RegionReach;
import de.kielregion.kooperation.portal.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The dashboard shows the ten most involved regions, ties by name, and counts the rest. */
class DashboardRegionsTest {

    @Test
    void theTenMostInvolvedTiesByNameAndHowManyAreLeftToThePartnerList() {
        List<RegionReach> regions = new ArrayList<>();
        IntStream.range(0, 30)
                .forEach(i -> regions.add(region("Region " + (char) ('A' + i % 26) + i, 0L, (long) (i % 7), 0L)));
        regions.add(region("Region Midtjylland", 3L, 2L, 1L)); // 6, as the ties below
        regions.add(region("Kreis Ostholstein", 0L, 0L, 6L));
        regions.add(region("Västra Götaland", 5L, 4L, 3L)); // 12: first
        regions.add(region("Skåne", null, 1L, null)); // counts missing: 0
        List<String> shown = DashboardRegions.mostInvolved(regions).stream()
                .map(RegionReach::getName)
                .toList();
        assertEquals(10, shown.size());
        assertEquals("Västra Götaland", shown.get(0));
        assertEquals(
                List.of("Kreis Ostholstein", "Region B27", "Region G6", "Region Midtjylland"),
                shown.subList(1, 5),
                "involvement 6, by name");
        assertEquals(24, DashboardRegions.notShown(regions));
        assertEquals(0, DashboardRegions.notShown(regions.subList(0, 10)));
        assertEquals(3, DashboardRegions.mostInvolved(regions.subList(0, 3)).size());
    }

    @Test
    void theRestIsCountedInCorrectGermanAndEnglish() {
        Ui de = Ui.of(Messages.GERMAN);
        Ui en = Ui.of(Messages.ENGLISH);
        assertEquals(
                "Eine weitere Region oder einen weiteren Kreis zeigt die Partnerliste.",
                de.t("dashboard.reach.moreRegions", 1));
        assertEquals(
                "4.990 weitere Regionen und Kreise zeigt die Partnerliste.", de.t("dashboard.reach.moreRegions", 4990));
        assertEquals("One more region or district in the partner list.", en.t("dashboard.reach.moreRegions", 1));
        assertEquals(
                "4,990 more regions and districts in the partner list.", en.t("dashboard.reach.moreRegions", 4990));
    }

    private static RegionReach region(String name, Long projects, Long activities, Long relations) {
        return new RegionReach()
                .name(name)
                .projects(projects)
                .activities(activities)
                .relations(relations);
    }
}
