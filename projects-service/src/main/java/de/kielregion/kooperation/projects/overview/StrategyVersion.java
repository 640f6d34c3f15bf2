package de.kielregion.kooperation.projects.overview;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.projects.StrategyAdopted;
import de.kielregion.kooperation.platform.attachments.Attachments;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.projects.ProjectEvents;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A version of the strategy as a deciding body adopted it: its document frozen (Markdown and PDF). */
@Entity
@Table(name = "strategy_version")
public class StrategyVersion {

    @Id
    public int number;

    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "adopted_on")
    public LocalDate adoptedOn;

    public String body;

    public String markdown;

    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    public byte[] pdf;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The version after {@code last} (0 when none was adopted yet) of the document as it stands. */
    static StrategyVersion adopt(
            int last, UUID decisionId, String body, LocalDate adoptedOn, String markdown, byte[] pdf, Instant at) {
        StrategyVersion v = new StrategyVersion();
        v.number = last + 1;
        v.decisionId = decisionId;
        v.body = body;
        v.adoptedOn = adoptedOn;
        v.markdown = markdown;
        v.sha256 = Attachments.sha256Of(markdown.getBytes(StandardCharsets.UTF_8));
        v.pdf = pdf;
        v.createdAt = at;
        return v;
    }

    /** Its history entry and {@code StrategyAdopted}. */
    Change adopted() {
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("version", number);
        history.put("decisionId", decisionId);
        history.put("adoptedOn", adoptedOn);
        history.put("body", body);
        history.put("sha256", sha256);
        // keyed by the adopting decision, like its DecisionTaken: its history, and the events in order
        return new Change(
                ProjectEvents.STRATEGY,
                decisionId,
                "StrategyVersionAdopted",
                EventTypes.STRATEGY_ADOPTED,
                ProjectEvents.STRATEGY,
                decisionId,
                () -> new StrategyAdopted(number, decisionId, adoptedOn, body, sha256),
                history);
    }
}
