package de.kielregion.kooperation.projects.project;

import java.util.UUID;

/**
 * Fired (CDI, synchronously, in the transaction of the change) when a project becomes
 * CANCELLED: whoever holds something for it reacts, e.g. the budget gives its allocations back.
 * The project does not need to know who that is.
 */
public record ProjectCancelled(UUID projectId) {}
