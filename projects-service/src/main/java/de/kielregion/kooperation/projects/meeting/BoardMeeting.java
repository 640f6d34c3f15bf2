package de.kielregion.kooperation.projects.meeting;

import de.kielregion.kooperation.contracts.DecisionBody;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.projects.BoardMeetingChanged;
import de.kielregion.kooperation.platform.changes.Aggregate;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.projects.ProjectEvents;
import de.kielregion.kooperation.projects.decision.DecidedInMeeting;
import de.kielregion.kooperation.projects.meeting.AgendaItem.Status;
import de.kielregion.kooperation.projects.meeting.AgendaItem.Subject;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A meeting of a deciding body (e.g. the supervisory board) and its agenda. Its rules: the agenda
 * is changed only before the meeting's day has passed; a subject is on it once; an item moved to
 * another meeting stays here as MOVED, saying where and why; the invitation needs an agenda; the
 * minutes come after the meeting; a decision taken in it must be of its body and of its day.
 * Each rule returns the change it makes, which raises BoardMeetingChanged with the whole state.
 */
@Entity
@Table(name = "board_meeting")
public class BoardMeeting implements Aggregate {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public DecisionBody body;

    @Column(name = "meets_on")
    public LocalDate meetsOn;

    public String title;

    public String place;

    /** How often the invitation was sent (0: not yet). */
    public int invitations;

    @Column(name = "invited_at")
    public Instant invitedAt;

    @Column(name = "minutes_filed")
    public boolean minutesFiled;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @OneToMany(mappedBy = "meeting", cascade = CascadeType.ALL)
    @OrderBy("position")
    public List<AgendaItem> items = new ArrayList<>();

    @Version
    public long version;

    @Override
    public String aggregateType() {
        return ProjectEvents.BOARD_MEETING;
    }

    @Override
    public Object aggregateId() {
        return id;
    }

    public static BoardMeeting plan(
            DecisionBody body, LocalDate meetsOn, String title, String place, String by, Instant at) {
        BoardMeeting m = new BoardMeeting();
        m.id = UUID.randomUUID();
        m.body = body;
        m.meetsOn = meetsOn;
        m.title = title;
        m.place = place;
        m.createdBy = by;
        m.createdAt = at;
        return m;
    }

    public Change planned() {
        return changed("MeetingPlanned", Map.of("body", body, "meetsOn", meetsOn));
    }

    /** "AR-Sitzung 2027/1" or, without a title, "Sitzung des Aufsichtsrats am 18.03.2027". */
    public String label(Wording words) {
        return title != null
                ? title
                : (words == Wording.ENGLISH ? "Meeting of the " : "Sitzung: ")
                        + words.label("Body", body)
                        + (words == Wording.ENGLISH ? " on " : " am ")
                        + words.date(meetsOn);
    }

    /** The items on the agenda (moved ones left out), in their order. */
    public List<AgendaItem> agenda() {
        return items.stream().filter(AgendaItem::onAgenda).toList();
    }

    /** Adds an item at the end of the agenda: before the meeting's day has passed (409), a subject once (409). */
    public Change add(
            Subject subject, UUID subjectId, String itemTitle, String note, String by, Instant at, LocalDate today) {
        requireAhead(today);
        AgendaItem item = newItem(subject, subjectId, itemTitle, note, by, at);
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("item", item.id);
        history.put("subjectType", item.subjectType);
        history.put("title", item.title);
        return changed("AgendaItemAdded", history);
    }

    /** Whether the subject is on the agenda (not moved away). */
    public boolean has(Subject subject, UUID subjectId) {
        return find(subject.registerType, subjectId) != null;
    }

    private AgendaItem newItem(Subject subject, UUID subjectId, String itemTitle, String note, String by, Instant at) {
        if (subject != Subject.OTHER && has(subject, subjectId)) {
            throw ProblemException.refusal("agenda.item-twice")
                    .with("title", itemTitle)
                    .conflict();
        }
        AgendaItem item = new AgendaItem();
        item.id = UUID.randomUUID();
        item.meeting = this;
        item.position = items.stream().mapToInt(i -> i.position).max().orElse(0) + 1;
        item.subjectType = subject.registerType;
        item.subjectId = subject.hasId() ? subjectId : null;
        item.title = itemTitle;
        item.note = note;
        item.status = Status.OPEN;
        item.addedBy = by;
        item.addedAt = at;
        items.add(item);
        return item;
    }

    /**
     * Puts the agenda in the order given: exactly the items on it, each once (400 otherwise);
     * before the meeting's day has passed (409). Moved items follow, in their old order.
     */
    public Change reorder(List<UUID> order, LocalDate today) {
        requireAhead(today);
        List<AgendaItem> agenda = agenda();
        if (order.size() != agenda.size()
                || !new HashSet<>(order)
                        .equals(new HashSet<>(agenda.stream().map(i -> i.id).toList()))) {
            throw ProblemException.refusal("agenda.order-mismatch")
                    .with("count", agenda.size())
                    .invalid("itemIds");
        }
        int position = 1;
        for (UUID id : order) {
            item(id).position = position++;
        }
        for (AgendaItem moved : items.stream().filter(i -> !i.onAgenda()).toList()) {
            moved.position = position++;
        }
        items.sort(java.util.Comparator.comparingInt(i -> i.position));
        return changed("AgendaReordered", Map.of("order", order));
    }

    /**
     * Moves an open item to {@code target} (a later meeting that has not taken place: 409; not this
     * one: 400): it stays here as MOVED, with where and why, and joins the end of the target's
     * agenda. Returns the changes of both meetings.
     */
    public List<Change> move(
            AgendaItem item, BoardMeeting target, String reason, String by, Instant at, LocalDate today) {
        requireAhead(today);
        if (item.status != Status.OPEN) {
            throw ProblemException.refusal("agenda.item-settled")
                    .with("title", item.title)
                    .conflict();
        }
        if (target.id.equals(id)) {
            throw ProblemException.refusal("agenda.move-same").invalid("toMeetingId");
        }
        target.requireAhead(today);
        AgendaItem there = target.newItem(
                item.subject(),
                item.subjectId,
                item.title,
                "Verschoben von „" + label(Wording.GERMAN) + "“" + (reason == null ? "" : ": " + reason),
                by,
                at);
        item.status = Status.MOVED;
        item.movedTo = target.id;
        item.moveReason = reason;
        Map<String, Object> away = new LinkedHashMap<>();
        away.put("item", item.id);
        away.put("title", item.title);
        away.put("to", target.id);
        away.put("reason", reason);
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("item", there.id);
        in.put("title", there.title);
        in.put("from", id);
        in.put("reason", reason);
        return List.of(changed("AgendaItemMovedAway", away), target.changed("AgendaItemMovedIn", in));
    }

    /** The invitation goes out: before the meeting's day has passed (409), with an agenda (409). */
    public Change invite(LocalDate today, Instant at) {
        requireAhead(today);
        if (agenda().isEmpty()) {
            throw ProblemException.refusal("meeting.agenda-empty").conflict();
        }
        invitations++;
        invitedAt = at;
        return changed("InvitationSent", Map.of("invitation", invitations, "items", agenda().size()));
    }

    /** The minutes are filed: from the meeting's day on (409 before). */
    public Change fileMinutes(String filename, LocalDate today) {
        if (today.isBefore(meetsOn)) {
            throw ProblemException.refusal("meeting.minutes-early")
                    .with("date", Wording.GERMAN.date(meetsOn))
                    .conflict();
        }
        minutesFiled = true;
        return changed("MinutesFiled", Map.of("file", filename));
    }

    /**
     * A decision was taken in this meeting: it must be of this body (400) and of this day (400);
     * its subject's item is marked decided, or added as decided when it was not on the agenda.
     */
    public Change decided(DecidedInMeeting d, Instant at) {
        if (!body.name().equals(d.body())) {
            throw ProblemException.refusal("decision.meeting-body")
                    .with("meeting", label(Wording.GERMAN))
                    .with("body", Wording.GERMAN.label("Body", body))
                    .invalid("body");
        }
        if (!meetsOn.equals(d.decidedOn())) {
            throw ProblemException.refusal("decision.meeting-day")
                    .with("meeting", label(Wording.GERMAN))
                    .with("date", Wording.GERMAN.date(meetsOn))
                    .invalid("decidedOn");
        }
        AgendaItem item = find(d.subjectType(), d.subjectId());
        if (item == null) {
            Subject subject = Subject.ofRegisterType(d.subjectType());
            item = newItem(
                    subject == null ? Subject.OTHER : subject, d.subjectId(), d.subjectName(), null, "decision", at);
        }
        item.status = Status.DECIDED;
        item.decisionId = d.decisionId();
        return changed("AgendaItemDecided", Map.of("item", item.id, "decision", d.decisionId()));
    }

    /** The item on the agenda (not moved) about this subject; the strategy's by its type alone. */
    AgendaItem find(String subjectType, UUID subjectId) {
        return items.stream()
                .filter(AgendaItem::onAgenda)
                .filter(i -> i.subjectType.equals(subjectType) && Objects.equals(i.subjectId, subjectId))
                .filter(i -> !Subject.OTHER.registerType.equals(i.subjectType))
                .findFirst()
                .orElse(null);
    }

    AgendaItem item(UUID itemId) {
        return items.stream()
                .filter(i -> i.id.equals(itemId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Agenda item", itemId));
    }

    /** Whether the meeting's day has passed. */
    public boolean held(LocalDate today) {
        return meetsOn.isBefore(today);
    }

    private void requireAhead(LocalDate today) {
        if (held(today)) {
            throw ProblemException.refusal("meeting.held")
                    .with("meeting", label(Wording.GERMAN))
                    .with("date", Wording.GERMAN.date(meetsOn))
                    .conflict();
        }
    }

    Change changed(String action, Map<String, ?> history) {
        return Change.of(this, action, EventTypes.BOARD_MEETING_CHANGED, this::event)
                .withHistory(history);
    }

    BoardMeetingChanged event() {
        return new BoardMeetingChanged(
                id,
                body.name(),
                meetsOn,
                title,
                place,
                invitations,
                invitedAt,
                minutesFiled,
                items.stream().map(AgendaItem::event).toList(),
                version);
    }
}
