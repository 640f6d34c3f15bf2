package de.kielregion.kooperation.projects.decision;

import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.projects.strategy.OpenQuestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The open questions a membership decision answers ("STRING und UBC: beitreten?"): a question
 * naming organisations is resolved once each of them has a JOIN or DECLINE decision that is not
 * postponed.
 */
@ApplicationScoped
class MembershipQuestions {

    private final EntityManager em;
    private final ChangeLog changeLog;

    MembershipQuestions(EntityManager em, ChangeLog changeLog) {
        this.em = em;
        this.changeLog = changeLog;
    }

    /**
     * Decisions on two organisations of one question may be applied side by side (consumers per
     * partition, replicas): each locks the question before it looks for the other's decision, so
     * the second to get the lock sees the first one's committed decision and resolves it.
     */
    /**
     * The answer in words, as the glossary says it: "UBC: Beitritt genehmigt (Aufsichtsrat,
     * 19.03.2025)", "STRING: kein Beitritt genehmigt (...)".
     */
    static String answer(String organisation, Decision d) {
        Wording words = Wording.GERMAN;
        return organisation + ": " + words.label("DecisionKind", d.kind) + " " + words.label("Outcome", d.outcome)
                + " (" + words.label("Body", d.body) + ", " + words.date(d.decidedOn) + ")";
    }

    void answerBy(String acronym, UUID decisionId) {
        List<OpenQuestion> questions = em.createQuery(
                        "SELECT q FROM OpenQuestion q WHERE q.status = :open "
                                + "AND :acronym MEMBER OF q.organisations ORDER BY q.id", // one lock order
                        OpenQuestion.class)
                .setParameter("open", OpenQuestion.Status.OPEN)
                .setParameter("acronym", acronym)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (OpenQuestion q : questions) {
            List<String> answers = new ArrayList<>();
            for (String organisation : new TreeSet<>(q.organisations)) {
                Decision latest = em.createQuery(
                                "FROM Decision d WHERE d.organisation = :o AND d.kind IN ('JOIN', "
                                        + "'DECLINE') AND d.outcome <> 'DEFERRED' "
                                        + "ORDER BY d.decidedOn DESC, d.recordedAt DESC",
                                Decision.class)
                        .setParameter("o", organisation)
                        .setMaxResults(1)
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
                if (latest == null) {
                    answers = null;
                    break;
                }
                answers.add(answer(organisation, latest));
            }
            if (answers != null) {
                changeLog.record(q.resolve(String.join("; ", answers), decisionId, Instant.now()));
            }
        }
    }
}
