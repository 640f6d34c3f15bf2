package de.kielregion.kooperation.projects.strategy;

import de.kielregion.kooperation.contracts.Shareholder;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the strategy needs to know of a project (whether it exists and which shareholders take
 * part) without depending on the project package: projects belong to measures, so the project
 * package depends on the strategy and implements this.
 */
public interface ProjectParticipants {

    /** The participating shareholders of the project; empty when there is no such project. */
    Optional<Set<Shareholder>> shareholdersOf(UUID projectId);
}
