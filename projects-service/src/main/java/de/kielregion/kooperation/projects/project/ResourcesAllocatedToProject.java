package de.kielregion.kooperation.projects.project;

import java.util.UUID;

/**
 * Fired (CDI, synchronously, in the allocating transaction) when staff or money was allocated
 * to a project: the project reacts (an approved one becomes RESOURCED). The budget does not
 * need to know how a project moves.
 */
public record ResourcesAllocatedToProject(UUID projectId, UUID allocationId) {}
