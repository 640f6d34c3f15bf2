package de.kielregion.kooperation.partners.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.partners.engagement.Engagement;
import de.kielregion.kooperation.partners.partner.PartnerService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/partners/{id}/engagement")
@Tag(name = "Engagement", description = "The projects a partner is in (read model of projects-service's events)")
@Produces(MediaType.APPLICATION_JSON)
public class EngagementResource {

    public record EngagementView(UUID projectId, String projectTitle, String role, String status, Instant updatedAt) {}

    private final EntityManager em;
    private final PartnerService partners;

    EngagementResource(EntityManager em, PartnerService partners) {
        this.em = em;
        this.partners = partners;
    }

    @GET
    @Transactional
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getPartnerEngagement",
            summary = "The projects a partner is in, with role and status",
            description = "Kept from " + "cooperation.projects.v1 events. Roles: every role.")
    public List<EngagementView> engagement(@PathParam("id") UUID partnerId) {
        partners.find(partnerId);
        return em
                .createQuery("FROM Engagement WHERE partnerId = :p ORDER BY projectTitle", Engagement.class)
                .setParameter("p", partnerId)
                .getResultList()
                .stream()
                .map(e -> new EngagementView(e.projectId, e.projectTitle, e.role, e.status, e.updatedAt))
                .toList();
    }
}
