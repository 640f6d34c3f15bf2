package de.kielregion.kooperation.projects.project;

import java.util.UUID;

/**
 * Fired (CDI, synchronously, in the deciding transaction) when a decision on a project was
 * recorded: the project moves itself to the outcome (APPROVED, APPROVED_WITH_CONDITIONS,
 * REJECTED or DEFERRED). The decision register does not need to know how a project moves.
 */
public record ProjectDecided(UUID projectId, ProjectStatus outcome, UUID decisionId) {}
