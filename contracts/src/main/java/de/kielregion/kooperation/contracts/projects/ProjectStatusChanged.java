package de.kielregion.kooperation.contracts.projects;

import java.util.List;
import java.util.UUID;

/**
 * {@code cooperation.project.status-changed.v1} (key: project id): a project moved along its
 * lifecycle, by hand, by a decision or by an allocation; with its partners, so that
 * partners-service keeps each partner's engagement.
 *
 * @param from the status before, e.g. PROPOSED
 * @param to the status now, e.g. APPROVED
 * @param decisionId the decision that moved it, if one did
 */
public record ProjectStatusChanged(
        UUID projectId, String title, String from, String to, UUID decisionId, List<PartnerRef> partners) {

    /** A partner of the project and its role (LEAD_PARTNER, PARTNER, ASSOCIATED). */
    public record PartnerRef(UUID partnerId, String role) {}
}
