package de.kielregion.kooperation.partners.relation;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.contracts.partners.RelationChanged;
import de.kielregion.kooperation.partners.PartnerEvents;
import de.kielregion.kooperation.platform.changes.Aggregate;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.problem.ProblemException;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A relation between a shareholder (or KielRegion) and a partner. */
@Entity
@Table(name = "relation")
public class Relation implements Aggregate {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Shareholder shareholder;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    public RelationKind kind;

    @Enumerated(EnumType.STRING)
    public RelationStatus status;

    public LocalDate since;

    public LocalDate until;

    @ElementCollection
    @CollectionTable(name = "relation_theme", joinColumns = @JoinColumn(name = "relation_id"))
    @Column(name = "theme")
    public Set<String> themes = new TreeSet<>();

    public String note;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** A new, not yet active focus-partner relation of a shareholder to a partner. */
    public static Relation focusPartner(Shareholder shareholder, UUID partnerId) {
        Relation r = new Relation();
        r.id = UUID.randomUUID();
        r.shareholder = shareholder;
        r.partnerId = partnerId;
        r.kind = RelationKind.FOCUS_PARTNER;
        r.createdAt = Instant.now();
        return r;
    }

    /** A decision designates the partner as focus partner from that day; one that is already is a 409. */
    public Change designateFocus(LocalDate since) {
        if (status == RelationStatus.ACTIVE) {
            throw ProblemException.refusal("relation.already-focus-partner")
                    .with("shareholder", shareholder)
                    .conflict();
        }
        status = RelationStatus.ACTIVE;
        this.since = since;
        until = null;
        updatedAt = Instant.now();
        return change("FocusPartnerDesignated");
    }

    /** A decision ends the focus partnership on that day; revoking one that is not active is a 409. */
    public Change revokeFocus(LocalDate until) {
        if (status != RelationStatus.ACTIVE) {
            throw ProblemException.refusal("relation.not-focus-partner")
                    .with("shareholder", shareholder)
                    .conflict();
        }
        status = RelationStatus.ENDED;
        this.until = until;
        updatedAt = Instant.now();
        return change("FocusPartnerRevoked");
    }

    /** The relation has been recorded. */
    public Change created() {
        return change("RelationCreated");
    }

    /** The relation's data has changed (the caller has checked that something did): stamped, and told. */
    public Change updated() {
        updatedAt = Instant.now();
        return change("RelationUpdated");
    }

    private Change change(String action) {
        return Change.of(this, action, EventTypes.RELATION_CHANGED, this::changed);
    }

    @Override
    public String aggregateType() {
        return PartnerEvents.RELATION;
    }

    @Override
    public Object aggregateId() {
        return id;
    }

    /** The event of its current state (contracts): the API view may change without changing it. */
    RelationChanged changed() {
        return new RelationChanged(
                id,
                shareholder,
                partnerId,
                kind.name(),
                status.name(),
                since,
                until,
                List.copyOf(new TreeSet<>(themes)),
                note,
                createdAt,
                updatedAt,
                version);
    }
}
