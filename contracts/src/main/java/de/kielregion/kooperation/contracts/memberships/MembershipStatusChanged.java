package de.kielregion.kooperation.contracts.memberships;

import de.kielregion.kooperation.contracts.Shareholder;
import java.util.UUID;

/**
 * {@code cooperation.membership.status-changed.v1} (key: membership id).
 *
 * @param from the status before, e.g. CANDIDATE
 * @param to the status now, e.g. ACTIVE
 * @param decisionId the decision that moved it, if one did
 */
public record MembershipStatusChanged(
        UUID membershipId,
        Shareholder holder,
        UUID organisationId,
        String organisationAcronym,
        String from,
        String to,
        UUID decisionId,
        String note) {}
