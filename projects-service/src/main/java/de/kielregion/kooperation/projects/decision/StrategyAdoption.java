package de.kielregion.kooperation.projects.decision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Fired (CDI, synchronously, in the deciding transaction) when a body adopted the strategy
 * (kind STRATEGY_ADOPTED, outcome APPROVED): the document as it stands is frozen as a new version.
 * The register does not need to know how a version is made.
 */
public record StrategyAdoption(UUID decisionId, String body, LocalDate adoptedOn) {}
