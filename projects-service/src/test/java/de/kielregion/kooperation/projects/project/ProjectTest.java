package de.kielregion.kooperation.projects.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.projects.ProjectStatusChanged;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.problem.ProblemException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The project's lifecycle rules live on the aggregate, which returns the event of a move. */
class ProjectTest {

    private static Project project(ProjectStatus status) {
        Project p = new Project();
        p.id = UUID.randomUUID();
        p.title = "Jugendaustausch Aarhus";
        p.status = status;
        p.partners.add(new ProjectPartner(UUID.randomUUID(), PartnerRole.LEAD_PARTNER));
        return p;
    }

    @Test
    void aMoveByHandOutsideTheLifecycleIs409NamingTheAllowedOnesAndChangesNothing() {
        Project p = project(ProjectStatus.PROPOSED);
        ProblemException refused = assertThrows(ProblemException.class, () -> p.moveByHand(ProjectStatus.APPROVED));
        assertEquals(409, refused.problem().getStatus());
        assertEquals(
                java.util.EnumSet.of(ProjectStatus.IDEA, ProjectStatus.CANCELLED),
                params(refused).get("allowed"));
        assertEquals(ProjectStatus.PROPOSED, p.status);
    }

    @Test
    void aMoveReturnsTheEventWithItsPartners() {
        Project p = project(ProjectStatus.RESOURCED);
        UUID lead = p.partners.get(0).partnerId;
        Change change = p.moveByHand(ProjectStatus.IN_PROGRESS);
        assertEquals("StatusChanged", change.action());
        assertEquals(EventTypes.PROJECT_STATUS_CHANGED, change.eventType());
        ProjectStatusChanged moved = (ProjectStatusChanged) change.event().get();
        assertEquals(ProjectStatus.IN_PROGRESS, p.status);
        assertEquals("RESOURCED", moved.from());
        assertEquals("IN_PROGRESS", moved.to());
        assertEquals(List.of(new ProjectStatusChanged.PartnerRef(lead, "LEAD_PARTNER")), moved.partners());
        UUID decision = UUID.randomUUID();
        Change decided = project(ProjectStatus.PROPOSED).moveTo(ProjectStatus.APPROVED, decision);
        assertEquals(decision, ((ProjectStatusChanged) decided.event().get()).decisionId());
        assertEquals(decision, ((java.util.Map<?, ?>) decided.history()).get("decisionId"));
    }

    @Test
    void onlyAProposedProjectCanBeDecided() {
        project(ProjectStatus.PROPOSED).requireDecidable();
        Project approved = project(ProjectStatus.APPROVED);
        ProblemException refused = assertThrows(ProblemException.class, approved::requireDecidable);
        assertEquals(409, refused.problem().getStatus());
        assertEquals(ProjectStatus.APPROVED, params(refused).get("currentStatus"));
    }

    /** A keyed refusal carries its parameters, as they were given, in the extension "params". */
    private static java.util.Map<?, ?> params(ProblemException refused) {
        return (java.util.Map<?, ?>) refused.problem().getExtensions().get("params");
    }
}
