package de.kielregion.kooperation.contracts.projects;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code cooperation.strategy.adopted.v1} (key: the adopting decision's id, as its DecisionTaken): a deciding body adopted the
 * internationalisation strategy; the document as adopted is frozen as version {@code version}.
 *
 * @param body the deciding body, e.g. SUPERVISORY_BOARD
 * @param sha256 the SHA-256 of the adopted document's Markdown, to recognise it again
 */
public record StrategyAdopted(int version, UUID decisionId, LocalDate adoptedOn, String body, String sha256) {}
