package de.kielregion.kooperation.projects.strategy;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.projects.OpenQuestionResolved;
import de.kielregion.kooperation.platform.changes.Aggregate;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.projects.ProjectEvents;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An open question of a measure (Offene Frage), resolved by a decision. */
@Entity
@Table(name = "open_question")
public class OpenQuestion implements Aggregate {

    @Schema(name = "OpenQuestionStatus")
    public enum Status {
        OPEN,
        RESOLVED
    }

    @Id
    public UUID id;

    @Column(name = "measure_id")
    public UUID measureId;

    public String text;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String answer;

    @Column(name = "resolved_by_decision")
    public UUID resolvedByDecision;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** Organisations (acronyms) whose membership decisions answer this question. */
    @ElementCollection
    @CollectionTable(name = "open_question_organisation", joinColumns = @JoinColumn(name = "question_id"))
    @Column(name = "acronym")
    public Set<String> organisations = new TreeSet<>();

    @Version
    public long version;

    /**
     * The question is answered by a decision: a resolved question stays resolved (409). Returns
     * the event that says so.
     */
    public Change resolve(String answer, UUID decisionId, Instant at) {
        if (status == Status.RESOLVED) {
            throw ProblemException.refusal("question.resolved-already")
                    .with("decision", resolvedByDecision)
                    .conflict();
        }
        status = Status.RESOLVED;
        this.answer = answer;
        resolvedByDecision = decisionId;
        resolvedAt = at;
        OpenQuestionResolved resolved = new OpenQuestionResolved(id, measureId, text, answer, decisionId);
        return Change.of(this, "OpenQuestionResolved", EventTypes.OPEN_QUESTION_RESOLVED, () -> resolved)
                .withHistory(Map.of("decisionId", decisionId, "answer", answer));
    }

    @Override
    public String aggregateType() {
        return ProjectEvents.OPEN_QUESTION;
    }

    @Override
    public Object aggregateId() {
        return id;
    }
}
