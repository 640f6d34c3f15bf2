package de.kielregion.kooperation.projects.project;

import de.kielregion.kooperation.projects.partner.PartnerReplica;
import de.kielregion.kooperation.projects.project.ProjectApi.FinancingSource;
import de.kielregion.kooperation.projects.project.ProjectApi.PartnerView;
import de.kielregion.kooperation.projects.project.ProjectApi.ProjectView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A project as the API shows it, with its partners' names and status from the replica. */
@ApplicationScoped
public class ProjectViews {

    private final EntityManager em;

    ProjectViews(EntityManager em) {
        this.em = em;
    }

    /** The replicas of the partners of {@code projects} in one query (view() then finds them loaded). */
    void loadPartnerReplicas(List<Project> projects) {
        Set<UUID> ids = new HashSet<>();
        projects.forEach(p -> p.partners.forEach(pp -> ids.add(pp.partnerId)));
        if (!ids.isEmpty()) {
            em.createQuery("FROM PartnerReplica r WHERE r.id IN :ids", PartnerReplica.class)
                    .setParameter("ids", ids)
                    .getResultList();
        }
    }

    public ProjectView of(Project p) {
        List<PartnerView> partners = new ArrayList<>();
        List<UUID> retired = new ArrayList<>();
        for (ProjectPartner pp : p.partners) {
            PartnerReplica replica = replica(pp.partnerId);
            boolean isRetired = replica != null && "RETIRED".equals(replica.status);
            if (p.flagsRetired(replica)) {
                retired.add(pp.partnerId);
            }
            partners.add(new PartnerView(
                    pp.partnerId,
                    replica == null ? null : replica.name,
                    pp.role,
                    replica == null ? "UNKNOWN" : replica.status,
                    isRetired));
        }
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

    PartnerReplica replica(UUID partnerId) {
        return em.find(PartnerReplica.class, partnerId);
    }
}
