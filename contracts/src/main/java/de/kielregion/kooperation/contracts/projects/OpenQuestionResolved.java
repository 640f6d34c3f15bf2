package de.kielregion.kooperation.contracts.projects;

import java.util.UUID;

/**
 * {@code cooperation.open-question.resolved.v1} (key: question id): an open question of the
 * strategy was answered by a decision.
 *
 * @param measureId null for a question that belongs to no measure
 */
public record OpenQuestionResolved(UUID questionId, UUID measureId, String text, String answer, UUID decisionId) {}
