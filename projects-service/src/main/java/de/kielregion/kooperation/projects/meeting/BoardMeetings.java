package de.kielregion.kooperation.projects.meeting;

import de.kielregion.kooperation.platform.attachments.Attachments;
import de.kielregion.kooperation.platform.attachments.Attachments.AttachmentView;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.reminders.Due;
import de.kielregion.kooperation.platform.reminders.ReminderSource;
import de.kielregion.kooperation.platform.reminders.Reminders;
import de.kielregion.kooperation.platform.security.Caller;
import de.kielregion.kooperation.platform.text.Texts;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.projects.decision.DecidedInMeeting;
import de.kielregion.kooperation.projects.decision.DecisionRegister;
import de.kielregion.kooperation.projects.meeting.AgendaItem.Subject;
import de.kielregion.kooperation.projects.meeting.MeetingApi.Candidate;
import de.kielregion.kooperation.projects.meeting.MeetingApi.ItemRequest;
import de.kielregion.kooperation.projects.meeting.MeetingApi.ItemView;
import de.kielregion.kooperation.projects.meeting.MeetingApi.MeetingDetail;
import de.kielregion.kooperation.projects.meeting.MeetingApi.MeetingRequest;
import de.kielregion.kooperation.projects.meeting.MeetingApi.MeetingView;
import de.kielregion.kooperation.projects.meeting.MeetingApi.MoveRequest;
import de.kielregion.kooperation.projects.meeting.MeetingApi.OrderRequest;
import de.kielregion.kooperation.projects.strategy.OpenQuestion;
import de.kielregion.kooperation.projects.strategy.StrategyApi.QuestionView;
import de.kielregion.kooperation.projects.strategy.StrategyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The meetings of the deciding bodies and their agendas: planned, filled from the subjects waiting
 * for a decision in all three services (or by hand), reordered, items moved to another meeting;
 * the decision papers and the meeting's documents; the invitation by mail; the minutes; and the
 * decisions taken in a meeting, which mark its items decided. Before each meeting the open
 * questions are reminded of (14 and 3 days ahead by default). Every agenda change locks the
 * meeting's row: two coordinators editing at once are applied one after the other.
 */
@ApplicationScoped
public class BoardMeetings implements ReminderSource {

    private static final Logger LOG = Logger.getLogger(BoardMeetings.class);
    private static final Wording WORDS = Wording.GERMAN;
    static final String SUBJECT_TYPE = de.kielregion.kooperation.projects.ProjectEvents.BOARD_MEETING;

    private final EntityManager em;
    private final StrategyService strategy;
    private final ChangeLog changeLog;
    private final Caller caller;
    private final DecisionRegister decisions;
    private final AgendaCandidates candidates;
    private final Attachments attachments;
    private final Reminders reminders;
    private final String portalUrl;

    BoardMeetings(
            EntityManager em,
            StrategyService strategy,
            ChangeLog changeLog,
            Caller caller,
            DecisionRegister decisions,
            AgendaCandidates candidates,
            Attachments attachments,
            Reminders reminders,
            @ConfigProperty(name = "meetings.portal-url", defaultValue = "http://localhost:8080") String portalUrl) {
        this.em = em;
        this.strategy = strategy;
        this.changeLog = changeLog;
        this.caller = caller;
        this.decisions = decisions;
        this.candidates = candidates;
        this.attachments = attachments;
        this.reminders = reminders;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
    }

    @Transactional
    public MeetingView plan(MeetingRequest r) {
        BoardMeeting m = BoardMeeting.plan(
                r.body(),
                r.meetsOn(),
                Texts.trimToNull(r.title()),
                Texts.trimToNull(r.place()),
                caller.subject(),
                Instant.now());
        em.persist(m);
        changeLog.record(m.planned());
        return view(m, today());
    }

    /** The meetings from {@code from} on, soonest first. */
    @Transactional
    public List<MeetingView> upcoming(LocalDate from) {
        LocalDate today = today();
        return em
                .createQuery("FROM BoardMeeting WHERE meetsOn >= :d ORDER BY meetsOn, createdAt", BoardMeeting.class)
                .setParameter("d", from)
                .getResultList()
                .stream()
                .map(m -> view(m, today))
                .toList();
    }

    @Transactional
    public MeetingDetail detail(UUID id) {
        return detail(find(id, false));
    }

    /** The subjects waiting for a decision that no coming meeting has on its agenda yet. */
    @Transactional
    public List<Candidate> candidates() {
        return candidates.pending(today());
    }

    /** Puts every waiting subject (see {@link #candidates()}) on this meeting's agenda, in the candidates' order. */
    @Transactional
    public MeetingDetail addPending(UUID id) {
        BoardMeeting m = find(id, true);
        LocalDate today = today();
        Instant now = Instant.now();
        for (Candidate c : candidates.pending(today)) {
            if (!m.has(c.subjectType(), c.subjectId())) {
                changeLog.record(
                        m.add(c.subjectType(), c.subjectId(), c.title(), c.reason(), caller.subject(), now, today));
            }
        }
        return detail(m);
    }

    /** An item by hand: a subject by its id (its name is the title unless one is given), or a free item with a title. */
    @Transactional
    public MeetingDetail addItem(UUID id, ItemRequest r) {
        BoardMeeting m = find(id, true);
        Subject subject = r.subjectType();
        String title = Texts.trimToNull(r.title());
        if (subject.hasId()) {
            if (r.subjectId() == null) {
                throw ProblemException.refusal("agenda.subject-missing").invalid("subjectId");
            }
            String name = candidates.name(subject, r.subjectId());
            if (name == null) {
                throw ProblemException.refusal("agenda.subject-unknown")
                        .with("id", r.subjectId())
                        .invalid("subjectId");
            }
            title = title == null ? name : title;
        } else if (subject == Subject.STRATEGY) {
            title = title == null ? AgendaCandidates.STRATEGY_TITLE : title;
        } else if (title == null) {
            throw ProblemException.refusal("agenda.title-missing").invalid("title");
        }
        changeLog.record(m.add(
                subject, r.subjectId(), title, Texts.trimToNull(r.note()), caller.subject(), Instant.now(), today()));
        return detail(m);
    }

    @Transactional
    public MeetingDetail reorder(UUID id, OrderRequest r) {
        BoardMeeting m = find(id, true);
        changeLog.record(m.reorder(r.itemIds(), today()));
        return detail(m);
    }

    /** Moves an item to another meeting; both meetings are locked, in the order of their ids (no deadlock). */
    @Transactional
    public MeetingDetail move(UUID itemId, MoveRequest r) {
        AgendaItem item = em.find(AgendaItem.class, itemId);
        if (item == null) {
            throw ProblemException.notFound("Agenda item", itemId);
        }
        UUID from = item.meeting.id;
        UUID to = r.toMeetingId();
        if (em.find(BoardMeeting.class, to) == null) {
            throw ProblemException.refusal("agenda.meeting-unknown")
                    .with("id", to)
                    .invalid("toMeetingId");
        }
        BoardMeeting first = find(from.compareTo(to) <= 0 ? from : to, true);
        BoardMeeting second = find(from.compareTo(to) <= 0 ? to : from, true);
        BoardMeeting source = first.id.equals(from) ? first : second;
        BoardMeeting target = first.id.equals(from) ? second : first;
        em.refresh(item);
        source.move(item, target, Texts.trimToNull(r.reason()), caller.subject(), Instant.now(), today())
                .forEach(changeLog::record);
        return detail(source);
    }

    /**
     * Sends the invitation: a mail to the decision-makers and coordinators (through the reminder
     * table, so it is retried until the mail server takes it) with the agenda and where the papers
     * are; a second invitation (after the agenda changed) is a new mail.
     */
    @Transactional
    public MeetingDetail invite(UUID id) {
        BoardMeeting m = find(id, true);
        LocalDate today = today();
        changeLog.record(m.invite(today, Instant.now()));
        String label = m.label(WORDS);
        StringBuilder body = new StringBuilder();
        body.append(m.invitations > 1 ? "Geänderte Einladung" : "Einladung")
                .append(" zur Sitzung „")
                .append(label)
                .append("“\n\n")
                .append("Gremium: ")
                .append(WORDS.label("Body", m.body))
                .append("\nDatum: ")
                .append(WORDS.date(m.meetsOn))
                .append(m.place == null ? "" : "\nOrt: " + m.place)
                .append("\n\nTagesordnung:\n");
        for (AgendaItem item : m.agenda()) {
            body.append("TOP ")
                    .append(item.position)
                    .append(": ")
                    .append(item.title)
                    .append('\n');
        }
        body.append("\nDie Sitzungsunterlagen (Tagesordnung und Beschlussvorlagen) im Portal:\n")
                .append(portalUrl)
                .append("/meetings/")
                .append(m.id)
                .append("\nals PDF: ")
                .append(portalUrl)
                .append("/meetings/")
                .append(m.id)
                .append("/unterlagen.pdf\n");
        reminders.mail(
                new Due(
                        "MEETING_INVITATION",
                        SUBJECT_TYPE,
                        m.id.toString(),
                        label,
                        m.meetsOn,
                        body.toString(),
                        List.of("decision-maker", "coordinator")),
                "MEETING_INVITATION:" + m.id + ":" + m.invitations,
                (m.invitations > 1 ? "Geänderte Einladung: " : "Einladung: ") + label + " am " + WORDS.date(m.meetsOn),
                today);
        return detail(m);
    }

    /** Files the minutes (an attachment of the meeting), from the meeting's day on. */
    @Transactional
    public AttachmentView fileMinutes(UUID id, String filename, byte[] data) {
        BoardMeeting m = find(id, true);
        changeLog.record(m.fileMinutes(filename, today()));
        return attachments.attach(SUBJECT_TYPE, id, filename, data);
    }

    /** The meeting and the item of a paper; a 404 for an unknown item. */
    @Transactional
    public AgendaItem item(UUID itemId) {
        AgendaItem item = em.find(AgendaItem.class, itemId);
        if (item == null) {
            throw ProblemException.notFound("Agenda item", itemId);
        }
        return item;
    }

    /** A meeting, for its documents; a 404 for an unknown one. */
    @Transactional
    public BoardMeeting meeting(UUID id) {
        return find(id, false);
    }

    /**
     * A decision was taken in a meeting: the meeting says whether it may (of its body, on its
     * day: else 400 for a decision recorded here) and marks its item. One another service
     * announced is entered as it came; a meeting that does not exist or does not fit is logged.
     */
    void decided(@Observes DecidedInMeeting d) {
        BoardMeeting m = em.find(BoardMeeting.class, d.meetingId(), LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        if (m == null) {
            if (d.strict()) {
                throw ProblemException.refusal("decision.meeting-unknown")
                        .with("id", d.meetingId())
                        .invalid("meetingId");
            }
            LOG.warnf("Decision %s names meeting %s, which does not exist", d.decisionId(), d.meetingId());
            return;
        }
        try {
            changeLog.record(m.decided(d, Instant.now()));
        } catch (ProblemException e) {
            if (d.strict()) {
                throw e;
            }
            LOG.warnf("Decision %s does not fit meeting %s: %s", d.decisionId(), m.id, e.getMessage());
        }
    }

    @Override
    public List<Due> due(LocalDate today) {
        List<QuestionView> open = strategy.questions(null, OpenQuestion.Status.OPEN);
        if (open.isEmpty()) {
            return List.of();
        }
        String questions = open.stream().map(q -> "- " + q.text()).collect(Collectors.joining("\n"));
        return em
                .createQuery("FROM BoardMeeting WHERE meetsOn >= :d ORDER BY meetsOn", BoardMeeting.class)
                .setParameter("d", today)
                .getResultList()
                .stream()
                .map(m -> new Due(
                        "BOARD_MEETING_QUESTIONS",
                        SUBJECT_TYPE,
                        m.id.toString(),
                        m.label(WORDS) + ": "
                                + (open.size() == 1
                                        ? "eine offene Frage wartet"
                                        : open.size() + " offene Fragen warten")
                                + " auf eine Entscheidung",
                        m.meetsOn,
                        "Offene Fragen, die auf eine Entscheidung warten:\n" + questions,
                        List.of("decision-maker", "coordinator")))
                .toList();
    }

    private BoardMeeting find(UUID id, boolean lock) {
        BoardMeeting m = lock
                ? em.find(BoardMeeting.class, id, LockModeType.PESSIMISTIC_FORCE_INCREMENT)
                : em.find(BoardMeeting.class, id);
        if (m == null) {
            throw ProblemException.notFound("Board meeting", id);
        }
        return m;
    }

    private MeetingDetail detail(BoardMeeting m) {
        LocalDate today = today();
        Map<UUID, String> labels = new HashMap<>();
        List<ItemView> agenda = new ArrayList<>();
        List<ItemView> moved = new ArrayList<>();
        for (AgendaItem i : m.items) {
            String movedTo = i.movedTo == null
                    ? null
                    : labels.computeIfAbsent(i.movedTo, t -> {
                        BoardMeeting target = em.find(BoardMeeting.class, t);
                        return target == null ? null : target.label(WORDS);
                    });
            ItemView v = new ItemView(
                    i.id,
                    i.position,
                    i.subject(),
                    i.subjectId,
                    i.title,
                    i.note,
                    i.status,
                    i.movedTo,
                    movedTo,
                    i.moveReason,
                    i.decisionId);
            (i.onAgenda() ? agenda : moved).add(v);
        }
        return new MeetingDetail(
                view(m, today), agenda, moved, attachments.of(SUBJECT_TYPE, m.id), decisions.inMeeting(m.id));
    }

    static MeetingView view(BoardMeeting m, LocalDate today) {
        return new MeetingView(
                m.id,
                m.body,
                m.meetsOn,
                m.title,
                m.place,
                m.label(WORDS),
                m.invitations,
                m.invitedAt,
                m.minutesFiled,
                m.agenda().size(),
                m.held(today),
                m.version);
    }

    private static LocalDate today() {
        return LocalDate.now(Wording.ZONE);
    }
}
