package de.kielregion.kooperation.projects.meeting;

import de.kielregion.kooperation.contracts.DecisionBody;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.reminders.Due;
import de.kielregion.kooperation.platform.reminders.ReminderSource;
import de.kielregion.kooperation.platform.security.Caller;
import de.kielregion.kooperation.platform.text.Texts;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.projects.strategy.OpenQuestion;
import de.kielregion.kooperation.projects.strategy.StrategyApi.QuestionView;
import de.kielregion.kooperation.projects.strategy.StrategyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The meetings of the deciding bodies, and the reminder before each (14 and 3 days ahead by
 * default) of the open questions waiting for a decision, to the decision-makers and coordinators.
 */
@ApplicationScoped
public class BoardMeetings implements ReminderSource {

    @Schema(description = "A meeting of a deciding body to plan")
    public record MeetingRequest(
            @NotNull @Schema(example = "SUPERVISORY_BOARD") DecisionBody body,

            @NotNull @FutureOrPresent @Schema(example = "2027-03-18")
            LocalDate meetsOn,

            @Size(max = 200) @Schema(example = "AR-Sitzung 2027/1")
            String title) {}

    public record MeetingView(UUID id, DecisionBody body, LocalDate meetsOn, String title) {}

    private final EntityManager em;
    private final StrategyService strategy;
    private final ChangeLog changeLog;
    private final Caller caller;

    BoardMeetings(EntityManager em, StrategyService strategy, ChangeLog changeLog, Caller caller) {
        this.em = em;
        this.strategy = strategy;
        this.changeLog = changeLog;
        this.caller = caller;
    }

    @Transactional
    public MeetingView plan(MeetingRequest r) {
        BoardMeeting m = new BoardMeeting();
        m.id = UUID.randomUUID();
        m.body = r.body();
        m.meetsOn = r.meetsOn();
        m.title = Texts.trimToNull(r.title());
        m.createdBy = caller.subject();
        m.createdAt = Instant.now();
        em.persist(m);
        changeLog.record(
                Change.historyOnly("BoardMeeting", m.id, "MeetingPlanned"),
                Map.of("body", m.body, "meetsOn", m.meetsOn));
        return view(m);
    }

    /** The meetings from {@code from} on, soonest first. */
    @Transactional
    public List<MeetingView> upcoming(LocalDate from) {
        return em
                .createQuery("FROM BoardMeeting WHERE meetsOn >= :d ORDER BY meetsOn", BoardMeeting.class)
                .setParameter("d", from)
                .getResultList()
                .stream()
                .map(BoardMeetings::view)
                .toList();
    }

    @Override
    public List<Due> due(LocalDate today) {
        List<QuestionView> open = strategy.questions(null, OpenQuestion.Status.OPEN);
        if (open.isEmpty()) {
            return List.of();
        }
        String questions = open.stream().map(q -> "- " + q.text()).collect(Collectors.joining("\n"));
        return upcoming(today).stream()
                .map(m -> new Due(
                        "BOARD_MEETING_QUESTIONS",
                        "BoardMeeting",
                        m.id().toString(),
                        (m.title() == null ? Wording.GERMAN.label("Body", m.body()) : m.title()) + ": "
                                + (open.size() == 1
                                        ? "eine offene Frage wartet"
                                        : open.size() + " offene Fragen warten")
                                + " auf eine Entscheidung",
                        m.meetsOn(),
                        "Offene Fragen, die auf eine Entscheidung warten:\n" + questions,
                        List.of("decision-maker", "coordinator")))
                .toList();
    }

    private static MeetingView view(BoardMeeting m) {
        return new MeetingView(m.id, m.body, m.meetsOn, m.title);
    }
}
