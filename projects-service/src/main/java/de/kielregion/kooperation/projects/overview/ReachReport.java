package de.kielregion.kooperation.projects.overview;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.projects.overview.OverviewApi.Reach;
import de.kielregion.kooperation.projects.overview.OverviewApi.ReachCount;
import de.kielregion.kooperation.projects.overview.OverviewApi.RegionMember;
import de.kielregion.kooperation.projects.overview.OverviewApi.RegionReach;
import de.kielregion.kooperation.projects.overview.OverviewApi.ShareholderReach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Measure 4, cities to regions: how much of the cooperation (projects, the shareholders' existing
 * activities, their relations to partners) reaches beyond the cities, per shareholder, and what
 * each region (with the cities and municipalities in it) takes part in.
 *
 * <p>A partner is in a city when its degree of urbanisation is CITY; it is beyond the cities when
 * it is TOWN or RURAL, or a region or district as a whole (no degree of its own). An item reaches
 * beyond the cities when one of its partners does; it stays in the cities when its partners are
 * cities only; else (no partner, none classified) it is not classified. Counted by aggregate
 * queries in the database, so the cost does not grow in Java with the number of projects.
 */
@ApplicationScoped
public class ReachReport {

    /** SQL: the partner row {@code r} lies beyond the cities. */
    private static final String BEYOND = "(r.urbanisation IN ('TOWN', 'RURAL')"
            + " OR (r.urbanisation IS NULL AND r.type IN ('REGION', 'DISTRICT')))";

    private static final String CITY = "(r.urbanisation = 'CITY')";

    private static final String OPEN_PROJECT = "p.status NOT IN ('REJECTED', 'CANCELLED')";

    private final EntityManager em;

    ReachReport(EntityManager em) {
        this.em = em;
    }

    public Reach reach() {
        Map<String, ReachCount> projects = counts("WITH item AS (SELECT p.id,"
                + " coalesce(bool_or(" + BEYOND + "), false) AS beyond, coalesce(bool_or(" + CITY + "), false) AS city"
                + " FROM project p LEFT JOIN project_partner pp ON pp.project_id = p.id"
                + " LEFT JOIN partner_replica r ON r.id = pp.partner_id WHERE " + OPEN_PROJECT + " GROUP BY p.id)"
                + " SELECT s.shareholder, count(*), count(*) FILTER (WHERE i.city AND NOT i.beyond),"
                + " count(*) FILTER (WHERE i.beyond) FROM item i JOIN project_shareholder s ON s.project_id = i.id"
                + " GROUP BY s.shareholder");
        Map<String, ReachCount> activities = counts("WITH item AS (SELECT a.id, a.shareholder,"
                + " coalesce(bool_or(" + BEYOND + "), false) AS beyond, coalesce(bool_or(" + CITY + "), false) AS city"
                + " FROM existing_activity a LEFT JOIN existing_activity_partner ap ON ap.activity_id = a.id"
                + " LEFT JOIN partner_replica r ON r.id = ap.partner_id GROUP BY a.id, a.shareholder)"
                + " SELECT shareholder, count(*), count(*) FILTER (WHERE city AND NOT beyond),"
                + " count(*) FILTER (WHERE beyond) FROM item GROUP BY shareholder");
        Map<String, ReachCount> relations = counts("SELECT rr.shareholder, count(*),"
                + " count(*) FILTER (WHERE " + CITY + "), count(*) FILTER (WHERE " + BEYOND + ")"
                + " FROM relation_replica rr LEFT JOIN partner_replica r ON r.id = rr.partner_id"
                + " WHERE rr.active GROUP BY rr.shareholder");
        List<ShareholderReach> byShareholder = new ArrayList<>();
        ReachCount none = new ReachCount(0, 0, 0, 0);
        for (Shareholder s : Shareholder.values()) {
            byShareholder.add(new ShareholderReach(
                    s.name(),
                    projects.getOrDefault(s.name(), none),
                    activities.getOrDefault(s.name(), none),
                    relations.getOrDefault(s.name(), none)));
        }
        return new Reach(byShareholder, regions());
    }

    private Map<String, ReachCount> counts(String sql) {
        Map<String, ReachCount> counts = new HashMap<>();
        for (Object row : em.createNativeQuery(sql).getResultList()) {
            Object[] r = (Object[]) row;
            if (r[0] == null) {
                continue;
            }
            long total = ((Number) r[1]).longValue();
            long cities = ((Number) r[2]).longValue();
            long beyond = ((Number) r[3]).longValue();
            counts.put(r[0].toString(), new ReachCount(total, cities, beyond, total - cities - beyond));
        }
        return counts;
    }

    /**
     * Each active region or district with its member partners and what involves any of them. A
     * region counts for itself and its members ({@code member}: one row per partner and region it
     * counts for), and each count is one grouped join over all regions at once: a subquery per
     * region with "it or its parent" could use no index and read every project's partners once per
     * region, which grew with regions times partners.
     */
    private List<RegionReach> regions() {
        List<?> rows = em.createNativeQuery("WITH region AS (SELECT id, name, country FROM partner_replica"
                        + " WHERE type IN ('REGION', 'DISTRICT') AND status = 'ACTIVE'),"
                        + " member AS (SELECT reg.id AS region_id, reg.id AS partner_id FROM region reg"
                        + " UNION ALL SELECT m.parent_region_id, m.id FROM partner_replica m"
                        + " JOIN region reg ON reg.id = m.parent_region_id WHERE m.id <> reg.id),"
                        + " projects AS (SELECT mb.region_id, count(DISTINCT pp.project_id) AS n FROM member mb"
                        + " JOIN project_partner pp ON pp.partner_id = mb.partner_id JOIN project p ON p.id = pp.project_id"
                        + " WHERE " + OPEN_PROJECT + " GROUP BY mb.region_id),"
                        + " activities AS (SELECT mb.region_id, count(DISTINCT ap.activity_id) AS n FROM member mb"
                        + " JOIN existing_activity_partner ap ON ap.partner_id = mb.partner_id GROUP BY mb.region_id),"
                        + " relations AS (SELECT mb.region_id, count(*) AS n FROM member mb"
                        + " JOIN relation_replica rr ON rr.partner_id = mb.partner_id WHERE rr.active GROUP BY mb.region_id)"
                        + " SELECT reg.id, reg.name, reg.country, coalesce(pj.n, 0), coalesce(ac.n, 0), coalesce(rl.n, 0)"
                        + " FROM region reg LEFT JOIN projects pj ON pj.region_id = reg.id"
                        + " LEFT JOIN activities ac ON ac.region_id = reg.id LEFT JOIN relations rl ON rl.region_id = reg.id"
                        + " ORDER BY reg.country, reg.name")
                .getResultList();
        Map<UUID, List<RegionMember>> members = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT parent_region_id, id, name, urbanisation FROM partner_replica"
                        + " WHERE parent_region_id IS NOT NULL AND status = 'ACTIVE' ORDER BY name")
                .getResultList()) {
            Object[] r = (Object[]) row;
            members.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new RegionMember((UUID) r[1], (String) r[2], (String) r[3]));
        }
        List<RegionReach> regions = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            UUID id = (UUID) r[0];
            regions.add(new RegionReach(
                    id,
                    (String) r[1],
                    r[2] == null ? null : r[2].toString().trim(),
                    members.getOrDefault(id, List.of()),
                    ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue(),
                    ((Number) r[5]).longValue()));
        }
        return regions;
    }
}
