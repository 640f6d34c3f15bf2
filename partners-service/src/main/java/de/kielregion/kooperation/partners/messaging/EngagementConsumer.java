package de.kielregion.kooperation.partners.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.DecisionTaken;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.projects.ProjectChanged;
import de.kielregion.kooperation.contracts.projects.ProjectStatusChanged;
import de.kielregion.kooperation.partners.PartnerEvents;
import de.kielregion.kooperation.partners.engagement.Engagement;
import de.kielregion.kooperation.partners.partner.Partner;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.inbox.EventRoutes;
import de.kielregion.kooperation.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * projects-service's events, kept as each partner's engagement: the projects it is in, with
 * role and status (ProjectProposed/Updated carry the whole project, ProjectStatusChanged its
 * partners and new status). Decisions on projects enter the history of their partners. Other
 * types are ignored; each event has one effect (inbox).
 */
@ApplicationScoped
public class EngagementConsumer {

    private final Inbox inbox;
    private final EntityManager em;
    private final ChangeLog changeLog;
    private final EventRoutes routes;

    EngagementConsumer(Inbox inbox, EntityManager em, ChangeLog changeLog, ObjectMapper mapper) {
        this.inbox = inbox;
        this.em = em;
        this.changeLog = changeLog;
        this.routes = EventRoutes.builder(mapper)
                .on(Set.of(EventTypes.PROJECT_PROPOSED, EventTypes.PROJECT_UPDATED), ProjectChanged.class, project -> {
                    Map<UUID, String> roles = new HashMap<>();
                    if (project.partners() != null) {
                        project.partners().forEach(p -> roles.put(p.partnerId(), p.role()));
                    }
                    project(project.id(), project.title(), project.status(), roles);
                })
                .on(EventTypes.PROJECT_STATUS_CHANGED, ProjectStatusChanged.class, changed -> {
                    Map<UUID, String> roles = new HashMap<>();
                    if (changed.partners() != null) {
                        changed.partners().forEach(p -> roles.put(p.partnerId(), p.role()));
                    }
                    project(changed.projectId(), changed.title(), changed.to(), roles);
                })
                .on(EventTypes.DECISION_TAKEN, DecisionTaken.class, decision -> {
                    if ("Project".equals(decision.subjectType()) && decision.subjectId() != null) {
                        decisionOnProject(decision);
                    }
                })
                .build();
    }

    @Incoming("projects")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.handleBatch(batch, routes);
    }

    /** Makes the project's engagement rows match its partners: upsert those in it, drop those that left. */
    private void project(UUID projectId, String title, String status, Map<UUID, String> roles) {
        em.createQuery("DELETE FROM Engagement e WHERE e.projectId = :p AND e.partnerId NOT IN :keep")
                .setParameter("p", projectId)
                .setParameter("keep", roles.isEmpty() ? java.util.Set.of(new UUID(0, 0)) : roles.keySet())
                .executeUpdate();
        for (Map.Entry<UUID, String> partner : roles.entrySet()) {
            if (em.find(Partner.class, partner.getKey()) == null) {
                continue; // not a partner of this directory
            }
            Engagement e = em.find(Engagement.class, new Engagement.Key(partner.getKey(), projectId));
            if (e == null) {
                e = new Engagement();
                e.partnerId = partner.getKey();
                e.projectId = projectId;
                e.projectTitle = title;
                e.role = partner.getValue();
                e.status = status;
                e.updatedAt = Instant.now();
                em.persist(e);
            } else {
                e.projectTitle = title;
                e.role = partner.getValue();
                e.status = status;
                e.updatedAt = Instant.now();
            }
        }
    }

    private void decisionOnProject(DecisionTaken decision) {
        UUID projectId = decision.subjectId();
        for (Engagement e : em.createQuery("FROM Engagement WHERE projectId = :p", Engagement.class)
                .setParameter("p", projectId)
                .getResultList()) {
            Map<String, Object> details = new HashMap<>();
            details.put("projectId", projectId);
            details.put("project", decision.subjectName());
            details.put("outcome", String.valueOf(decision.outcome()));
            details.put("body", String.valueOf(decision.body()));
            details.put("decidedOn", String.valueOf(decision.decidedOn()));
            details.put("decisionId", String.valueOf(decision.decisionId()));
            changeLog.record(Change.historyOnly(PartnerEvents.PARTNER, e.partnerId, "ProjectDecision"), details);
        }
    }
}
