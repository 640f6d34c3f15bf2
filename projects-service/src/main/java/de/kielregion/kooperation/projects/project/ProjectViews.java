package de.kielregion.kooperation.projects.project;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.projects.partner.PartnerReplica;
import de.kielregion.kooperation.projects.project.ProjectApi.FinancingSource;
import de.kielregion.kooperation.projects.project.ProjectApi.PartnerView;
import de.kielregion.kooperation.projects.project.ProjectApi.ProjectView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

/** A project as the API shows it, with its partners' names and status from the replica. */
@ApplicationScoped
public class ProjectViews {

    private final EntityManager em;

    ProjectViews(EntityManager em) {
        this.em = em;
    }

    public ProjectView of(Project p) {
        return of(p, this::replica);
    }

    /**
     * The views of the projects {@code ids} as one SQL query reads them, each row with its
     * themes, shareholders, partners (and their replicas) and financing as arrays: the list
     * pages' and exports' projection. No entity is hydrated, no collection fetched on its own;
     * the view is made from them by the same {@link #of(Project, Function)} as a single project's.
     */
    public Map<Object, ProjectView> byIds(List<?> ids) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<Object, ProjectView> views = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(PROJECTION)) {
                select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ProjectView view = project(rs);
                        views.put(view.id(), view);
                    }
                }
            }
            return views;
        });
    }

    /** The projects' columns, then their collections as arrays (a LATERAL aggregate each). */
    private static final String PROJECTION = """
            SELECT p.id, p.title, p.summary, p.measure_id, p.cooperation_area_id, p.lead, p.status,
                   p.planned_start, p.planned_end, p.effort, p.impact, p.months_to_start, p.funding_secured,
                   p.quick_win, p.created_at, p.updated_at, p.version,
                   (SELECT array_agg(t.theme_id) FROM project_theme t WHERE t.project_id = p.id),
                   (SELECT array_agg(s.shareholder) FROM project_shareholder s WHERE s.project_id = p.id),
                   pa.ids, pa.roles, pa.replicas, pa.names, pa.statuses,
                   fi.kinds, fi.names, fi.amounts
            FROM project p
            LEFT JOIN LATERAL (
                SELECT array_agg(pp.partner_id) ids, array_agg(pp.role) roles, array_agg(r.id) replicas,
                       array_agg(r.name) names, array_agg(r.status) statuses
                FROM project_partner pp LEFT JOIN partner_replica r ON r.id = pp.partner_id
                WHERE pp.project_id = p.id) pa ON true
            LEFT JOIN LATERAL (
                SELECT array_agg(f.kind ORDER BY f.position) kinds, array_agg(f.name ORDER BY f.position) names,
                       array_agg(f.amount ORDER BY f.position) amounts
                FROM project_financing f WHERE f.project_id = p.id) fi ON true
            WHERE p.id = ANY (?)""";

    /** One row of {@link #PROJECTION} as a transient project and its partners' replicas, made a view. */
    private ProjectView project(ResultSet rs) throws SQLException {
        Project p = new Project();
        p.id = rs.getObject(1, UUID.class);
        p.title = rs.getString(2);
        p.summary = rs.getString(3);
        p.measureId = rs.getObject(4, UUID.class);
        p.cooperationAreaId = rs.getObject(5, UUID.class);
        p.lead = rs.getString(6);
        p.status = ProjectStatus.valueOf(rs.getString(7));
        p.plannedStart = rs.getObject(8, LocalDate.class);
        p.plannedEnd = rs.getObject(9, LocalDate.class);
        p.effort = rs.getObject(10, Integer.class);
        p.impact = rs.getObject(11, Integer.class);
        p.monthsToStart = rs.getObject(12, Integer.class);
        p.fundingSecured = rs.getObject(13, Integer.class);
        p.quickWin = rs.getBigDecimal(14);
        p.createdAt = rs.getObject(15, OffsetDateTime.class).toInstant();
        p.updatedAt = rs.getObject(16, OffsetDateTime.class).toInstant();
        p.version = rs.getLong(17);
        for (Object theme : array(rs, 18)) {
            p.themeIds.add((UUID) theme);
        }
        for (Object shareholder : array(rs, 19)) {
            p.shareholders.add(Shareholder.valueOf((String) shareholder));
        }
        Object[] partnerIds = array(rs, 20);
        Object[] roles = array(rs, 21);
        Object[] replicaIds = array(rs, 22);
        Object[] names = array(rs, 23);
        Object[] statuses = array(rs, 24);
        Map<UUID, PartnerReplica> replicas = new HashMap<>();
        for (int i = 0; i < partnerIds.length; i++) {
            UUID partnerId = (UUID) partnerIds[i];
            p.partners.add(new ProjectPartner(partnerId, PartnerRole.valueOf((String) roles[i])));
            if (replicaIds[i] != null) {
                PartnerReplica replica = new PartnerReplica(partnerId);
                replica.name = (String) names[i];
                replica.status = (String) statuses[i];
                replicas.put(partnerId, replica);
            }
        }
        Object[] kinds = array(rs, 25);
        Object[] financingNames = array(rs, 26);
        Object[] amounts = array(rs, 27);
        for (int i = 0; i < kinds.length; i++) {
            p.financing.add(new Financing(
                    Financing.Kind.valueOf((String) kinds[i]), (String) financingNames[i], (BigDecimal) amounts[i]));
        }
        return of(p, replicas::get);
    }

    /** An array column's elements; none for NULL (array_agg over no rows). */
    private static Object[] array(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? new Object[0] : (Object[]) array.getArray();
    }

    /** A project's view, its partners' replicas (name, status) found by {@code replicas}. */
    ProjectView of(Project p, Function<UUID, PartnerReplica> replicas) {
        List<PartnerView> partners = new ArrayList<>();
        Set<UUID> flagged = new HashSet<>();
        for (ProjectPartner pp : p.partners) {
            PartnerReplica replica = replicas.apply(pp.partnerId);
            boolean isRetired = replica != null && "RETIRED".equals(replica.status);
            if (p.flagsRetired(replica)) {
                flagged.add(pp.partnerId);
            }
            partners.add(new PartnerView(
                    pp.partnerId,
                    replica == null ? null : replica.name,
                    pp.role,
                    replica == null ? "UNKNOWN" : replica.status,
                    isRetired));
        }
        // One order wherever the project is read (the table keeps none): by name, then id.
        partners.sort(PARTNER_ORDER);
        List<UUID> retired = partners.stream()
                .map(PartnerView::partnerId)
                .filter(flagged::contains)
                .toList();
        List<FinancingSource> financing = p.financing.stream()
                .map(f -> new FinancingSource(f.kind, f.name, f.amount))
                .toList();
        BigDecimal total = p.financingTotal();
        return new ProjectView(
                p.id,
                p.title,
                p.summary,
                List.copyOf(new TreeSet<>(p.themeIds)),
                p.measureId,
                p.cooperationAreaId,
                p.lead,
                List.copyOf(new TreeSet<>(p.shareholders)),
                partners,
                retired,
                p.plannedStart,
                p.plannedEnd,
                financing,
                total,
                p.status,
                p.effort,
                p.impact,
                p.monthsToStart,
                p.fundingSecured,
                p.quickWin,
                p.createdAt,
                p.updatedAt,
                p.version,
                List.copyOf(p.status.manualNext()),
                p.status.canReceiveResources());
    }

    /** Partners by name as German sorts it (unknown names last), then by id. */
    private static final Comparator<PartnerView> PARTNER_ORDER = Comparator.comparing(
                    PartnerView::name, Comparator.nullsLast(Collator.getInstance(Locale.GERMAN)))
            .thenComparing(PartnerView::partnerId);

    PartnerReplica replica(UUID partnerId) {
        return em.find(PartnerReplica.class, partnerId);
    }
}
