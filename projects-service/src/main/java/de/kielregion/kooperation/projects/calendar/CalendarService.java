package de.kielregion.kooperation.projects.calendar;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.security.Caller;
import de.kielregion.kooperation.platform.security.Roles;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.projects.calendar.CalendarApi.FeedRequest;
import de.kielregion.kooperation.projects.calendar.CalendarApi.FeedView;
import de.kielregion.kooperation.projects.decision.DecisionRegister;
import de.kielregion.kooperation.projects.meeting.BoardMeetings;
import de.kielregion.kooperation.projects.membership.MembershipReplica;
import de.kielregion.kooperation.projects.project.Project;
import de.kielregion.kooperation.projects.results.ResultsViews;
import de.kielregion.kooperation.projects.strategy.NextStep;
import de.kielregion.kooperation.projects.strategy.StrategyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Calendar feeds (iCalendar, RFC 5545) that Outlook and Thunderbird subscribe to: next steps
 * coming due, postponed decisions coming back and the last days to give notice of memberships.
 * A feed shows what its creator's roles may read: a shareholder's staff see the next steps of
 * projects their shareholder takes part in and their shareholder's memberships; KielRegion's
 * roles see everything.
 */
@ApplicationScoped
public class CalendarService {

    private static final Wording WORDS = Wording.GERMAN;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final Caller caller;
    private final StrategyService strategy;
    private final DecisionRegister decisions;
    private final BoardMeetings meetings;
    private final ResultsViews results;

    CalendarService(
            EntityManager em,
            Caller caller,
            StrategyService strategy,
            DecisionRegister decisions,
            BoardMeetings meetings,
            ResultsViews results) {
        this.meetings = meetings;
        this.results = results;
        this.em = em;
        this.caller = caller;
        this.strategy = strategy;
        this.decisions = decisions;
    }

    @Transactional
    public FeedView create(FeedRequest r) {
        CalendarFeed feed = new CalendarFeed();
        feed.id = UUID.randomUUID();
        feed.name = r.name().trim();
        feed.owner = caller.subject();
        feed.shareholder =
                caller.hasRole(Roles.SHAREHOLDER) && !caller.hasRole(Roles.COORDINATOR) && !caller.hasRole(Roles.ADMIN)
                        ? caller.shareholder()
                                .map(Shareholder::name)
                                .orElseThrow(() -> ProblemException.refusal("calendar.shareholder-missing")
                                        .forbidden())
                        : null;
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        feed.tokenHash = hash(token);
        feed.createdAt = Instant.now();
        em.persist(feed);
        return view(feed, "/calendar/" + token + ".ics");
    }

    @Transactional
    public List<FeedView> mine() {
        return em
                .createQuery("FROM CalendarFeed WHERE owner = :o ORDER BY createdAt", CalendarFeed.class)
                .setParameter("o", caller.subject())
                .getResultList()
                .stream()
                .map(f -> view(f, null))
                .toList();
    }

    /** Revokes a feed: its address answers 404 from now on. Only its creator (or an admin) may. */
    @Transactional
    public void revoke(UUID id) {
        CalendarFeed feed = em.find(CalendarFeed.class, id);
        if (feed == null || (!feed.owner.equals(caller.subject()) && !caller.hasRole(Roles.ADMIN))) {
            throw ProblemException.notFound("Calendar feed", id);
        }
        em.remove(feed);
    }

    /** The feed's calendar, or a 404 for a token that is unknown or revoked. */
    @Transactional
    public String ics(String token, LocalDate today) {
        List<CalendarFeed> found = token == null || token.length() > 100
                ? List.of()
                : em.createQuery("FROM CalendarFeed WHERE tokenHash = :h", CalendarFeed.class)
                        .setParameter("h", hash(token))
                        .getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("Calendar feed", "with this address");
        }
        CalendarFeed feed = found.get(0);
        feed.lastReadAt = Instant.now();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//KielRegion//Ostsee-Kooperation//DE"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", "Ostsee-Kooperation: " + feed.name));
        nextSteps(calendar, feed.shareholder, today);
        noticeDeadlines(calendar, feed.shareholder, today);
        // Milestones and reports of the past 30 days and the coming year: a shareholder's feed those of its projects.
        results.deadlines(today.minusDays(30), today.plusYears(1)).stream()
                .filter(d -> feed.shareholder == null || d.shareholders().contains(feed.shareholder))
                .forEach(d -> calendar.add(event(
                        (d.milestone() ? "milestone-" : "report-") + d.id(),
                        d.dueOn(),
                        d.milestone()
                                ? "Meilenstein: " + d.title() + " (" + d.projectTitle() + ")"
                                : "Fortschrittsbericht fällig: " + d.projectTitle(),
                        d.milestone()
                                ? "Fällig im Projekt „" + d.projectTitle() + "“"
                                : "Bericht für den " + d.title() + " des Projekts „" + d.projectTitle() + "“")));
        if (feed.shareholder == null) {
            decisions.pendingDeferrals(today).stream()
                    .map(p -> p.decision())
                    .filter(d -> d.revisitOn() != null)
                    .forEach(d -> calendar.add(event(
                            "revisit-" + d.id(),
                            d.revisitOn(),
                            "Wiedervorlage: " + d.subjectName(),
                            "Vertagt am " + WORDS.date(d.decidedOn()) + " (" + WORDS.label("Body", d.body()) + ")")));
            meetings.upcoming(today.minusDays(30)).forEach(m -> {
                var detail = meetings.detail(m.id());
                StringBuilder text = new StringBuilder("Sitzung des Gremiums " + WORDS.label("Body", m.body()));
                if (!detail.agenda().isEmpty()) {
                    text.append("\n\nTagesordnung:");
                    detail.agenda()
                            .forEach(i -> text.append("\nTOP ")
                                    .append(i.position())
                                    .append(": ")
                                    .append(i.title()));
                }
                VEvent meeting = event("meeting-" + m.id(), m.meetsOn(), m.label(), text.toString());
                if (m.place() != null) {
                    meeting.add(new Location(m.place()));
                }
                calendar.add(meeting);
            });
        }
        return calendar.toString();
    }

    private void nextSteps(Calendar calendar, String shareholder, LocalDate today) {
        strategy.nextSteps(false, null, null).stream()
                .filter(n -> n.status() == NextStep.Status.OPEN && n.dueDate() != null)
                .filter(n -> !n.dueDate().isBefore(today.minusDays(30)))
                .filter(n -> shareholder == null || participates(n.projectId(), shareholder))
                .forEach(n -> calendar.add(event(
                        "next-step-" + n.id(),
                        n.dueDate(),
                        "Nächster Schritt: " + n.title(),
                        "Verantwortlich: " + n.owner())));
    }

    private boolean participates(UUID projectId, String shareholder) {
        if (projectId == null) {
            return false;
        }
        Project p = em.find(Project.class, projectId);
        return p != null && p.shareholders.contains(Shareholder.valueOf(shareholder));
    }

    private void noticeDeadlines(Calendar calendar, String shareholder, LocalDate today) {
        for (MembershipReplica m : em.createQuery(
                        "FROM MembershipReplica WHERE status = 'ACTIVE' AND lastNoticeDay IS NOT NULL",
                        MembershipReplica.class)
                .getResultList()) {
            if (shareholder != null && !shareholder.equals(m.holder)) {
                continue;
            }
            LocalDate last = m.lastNoticeDay;
            // The replica knows the deadline of the term it was told about: later terms follow at the term's length.
            while (m.termMonths != null && m.termMonths > 0 && last.isBefore(today)) {
                last = last.plusMonths(m.termMonths);
            }
            calendar.add(event(
                    "notice-" + m.id + "-" + last,
                    last,
                    "Kündigungsfrist " + m.organisation + " (" + WORDS.label("Shareholder", m.holder) + ")",
                    "Letzter Tag, um die Mitgliedschaft zu kündigen; ohne Kündigung verlängert sie sich."));
        }
    }

    private static VEvent event(String uid, LocalDate day, String summary, String description) {
        VEvent event = new VEvent(day, summary);
        event.add(new Uid(uid + "@ostsee-kooperation.kielregion.example"));
        event.add(new Description(description));
        return event;
    }

    private static FeedView view(CalendarFeed f, String url) {
        return new FeedView(f.id, f.name, f.shareholder, f.createdAt, f.lastReadAt, url);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
