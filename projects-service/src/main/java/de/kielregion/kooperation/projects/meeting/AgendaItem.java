package de.kielregion.kooperation.projects.meeting;

import de.kielregion.kooperation.contracts.projects.BoardMeetingChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An item of a meeting's agenda (Tagesordnungspunkt): a subject waiting for a decision, or a free
 * item. Part of its {@link BoardMeeting}, whose rules change it.
 */
@Entity
@Table(name = "agenda_item")
public class AgendaItem {

    /** OPEN until decided in the meeting, or MOVED to another meeting (it stays here, saying where). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AgendaItemStatus")
    public enum Status {
        OPEN,
        DECIDED,
        MOVED
    }

    /** What an item is about: the decision register's subject types, and OTHER for a free item. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AgendaSubject")
    public enum Subject {
        PROJECT("Project"),
        MEMBERSHIP("Membership"),
        PARTNER("Partner"),
        OPEN_QUESTION("OpenQuestion"),
        MEASURE("Measure"),
        STRATEGY("Strategy"),
        OTHER("Other");

        /** The subject type as the decision register names it. */
        public final String registerType;

        Subject(String registerType) {
            this.registerType = registerType;
        }

        /** The subject of a register type; null for one no agenda item has. */
        public static Subject ofRegisterType(String type) {
            for (Subject s : values()) {
                if (s.registerType.equals(type)) {
                    return s;
                }
            }
            return null;
        }

        /** Whether an item of this subject names its subject by id (the strategy and a free item do not). */
        public boolean hasId() {
            return this != STRATEGY && this != OTHER;
        }
    }

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "meeting_id")
    public BoardMeeting meeting;

    public int position;

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public UUID subjectId;

    public String title;

    public String note;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "moved_to")
    public UUID movedTo;

    @Column(name = "move_reason")
    public String moveReason;

    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "added_by")
    public String addedBy;

    @Column(name = "added_at")
    public Instant addedAt;

    public Subject subject() {
        return Subject.ofRegisterType(subjectType);
    }

    /** Whether it is on the agenda still (not moved away). */
    public boolean onAgenda() {
        return status != Status.MOVED;
    }

    BoardMeetingChanged.Item event() {
        return new BoardMeetingChanged.Item(
                id, position, subjectType, subjectId, title, status.name(), decisionId, movedTo);
    }
}
