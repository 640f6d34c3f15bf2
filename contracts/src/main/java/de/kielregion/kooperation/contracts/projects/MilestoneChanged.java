package de.kielregion.kooperation.contracts.projects;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code cooperation.milestone.reached.v1} and {@code cooperation.milestone.missed.v1} (key: project
 * id): a milestone of a project's work plan was reached, or its due day passed without it.
 *
 * @param status REACHED or MISSED
 * @param settledOn the day it was reached, or the day it was recorded as missed
 * @param responsiblePartnerId the partner responsible for it, if one is named
 */
public record MilestoneChanged(
        UUID milestoneId,
        UUID projectId,
        String projectTitle,
        UUID workPackageId,
        String title,
        LocalDate dueOn,
        String status,
        LocalDate settledOn,
        UUID responsiblePartnerId) {}
