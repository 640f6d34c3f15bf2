package de.kielregion.kooperation.projects.team;

import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.security.Caller;
import de.kielregion.kooperation.platform.text.Texts;
import de.kielregion.kooperation.projects.budget.Allocation;
import de.kielregion.kooperation.projects.budget.Category;
import de.kielregion.kooperation.projects.membership.MembershipReplica;
import de.kielregion.kooperation.projects.project.Project;
import de.kielregion.kooperation.projects.team.TeamApi.AssignmentRequest;
import de.kielregion.kooperation.projects.team.TeamApi.AssignmentView;
import de.kielregion.kooperation.projects.team.TeamApi.MemberRequest;
import de.kielregion.kooperation.projects.team.TeamApi.MemberView;
import de.kielregion.kooperation.projects.team.TeamApi.TeamView;
import de.kielregion.kooperation.projects.team.TeamApi.YearCapacity;
import de.kielregion.kooperation.projects.team.TeamAssignment.Subject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * KielRegion's international team: its people and their capacity per year, who works on what,
 * and how that compares with the STAFF budget line. An assignment locks its person and, for a
 * project, the project: two coordinators assigning at once are checked one after the other, so
 * neither a person's capacity nor a project's allocated staff is ever exceeded.
 */
@ApplicationScoped
public class TeamService {

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Caller caller;

    TeamService(EntityManager em, ChangeLog changeLog, Caller caller) {
        this.em = em;
        this.changeLog = changeLog;
        this.caller = caller;
    }

    @Transactional
    public TeamView team(int year) {
        List<TeamMember> members = em.createQuery("FROM TeamMember m ORDER BY m.name", TeamMember.class)
                .getResultList();
        Map<UUID, List<AssignmentView>> byMember =
                assignments(year, null).stream().collect(Collectors.groupingBy(AssignmentView::memberId));
        List<MemberView> views = members.stream()
                .map(m -> view(m, year, byMember.getOrDefault(m.id, List.of())))
                .toList();
        BigDecimal capacity = views.stream().map(MemberView::capacityOfYear).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal assigned = views.stream().map(MemberView::assigned).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal staffLine = em.createQuery(
                        "SELECT l.amount FROM BudgetLine l WHERE l.year = :y AND l.category = :c", BigDecimal.class)
                .setParameter("y", year)
                .setParameter("c", Category.STAFF)
                .getResultStream()
                .findFirst()
                .orElse(null);
        BigDecimal staffAllocated = staffAllocated(null, year);
        BigDecimal toProjects = byMember.values().stream()
                .flatMap(List::stream)
                .filter(a -> a.subjectType() == Subject.PROJECT)
                .map(AssignmentView::fte)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new TeamView(
                year,
                views,
                capacity,
                assigned,
                staffLine,
                staffAllocated,
                staffAllocated.subtract(toProjects).max(BigDecimal.ZERO));
    }

    @Transactional
    public MemberView add(MemberRequest r) {
        Map<Integer, BigDecimal> capacity = new TreeMap<>();
        int i = 0;
        for (YearCapacity c : r.capacity() == null ? List.<YearCapacity>of() : r.capacity()) {
            if (capacity.put(c.year(), c.fte()) != null) {
                throw ProblemException.refusal("team.year-twice")
                        .with("year", String.valueOf(c.year()))
                        .invalid("capacity[" + i + "].year");
            }
            i++;
        }
        TeamMember m = TeamMember.join(
                r.name().trim(), Texts.trimToNull(r.role()), Texts.trimToNull(r.email()), capacity, Instant.now());
        em.persist(m);
        changeLog.record(m.joined());
        int year = java.time.LocalDate.now(de.kielregion.kooperation.platform.text.Wording.ZONE)
                .getYear();
        return view(
                m,
                capacity.isEmpty() || capacity.containsKey(year)
                        ? year
                        : capacity.keySet().iterator().next(),
                List.of());
    }

    @Transactional
    public MemberView setCapacity(UUID memberId, YearCapacity c) {
        TeamMember m = member(memberId, true);
        changeLog.record(m.setCapacity(c.year(), c.fte(), assigned(memberId, c.year())));
        return view(m, c.year(), assignments(c.year(), memberId));
    }

    @Transactional
    public AssignmentView assign(AssignmentRequest r) {
        TeamMember m = member(r.memberId(), true);
        String subjectName;
        BigDecimal staffAllocated = null;
        BigDecimal staffAssigned = null;
        if (r.subjectType() == Subject.PROJECT) {
            Project p = em.find(Project.class, r.subjectId(), LockModeType.PESSIMISTIC_WRITE);
            if (p == null) {
                throw ProblemException.refusal("team.subject-unknown")
                        .with("id", r.subjectId())
                        .invalid("subjectId");
            }
            subjectName = p.title;
            staffAllocated = staffAllocated(p.id, r.year());
            staffAssigned = em.createQuery(
                            "SELECT COALESCE(SUM(a.fte), 0) FROM TeamAssignment a WHERE a.subjectId = :s AND a.year = :y",
                            BigDecimal.class)
                    .setParameter("s", p.id)
                    .setParameter("y", r.year())
                    .getSingleResult();
        } else {
            MembershipReplica ms = em.find(MembershipReplica.class, r.subjectId());
            if (ms == null) {
                throw ProblemException.refusal("team.subject-unknown")
                        .with("id", r.subjectId())
                        .invalid("subjectId");
            }
            subjectName = ms.name();
        }
        boolean twice = !em.createQuery(
                        "FROM TeamAssignment a WHERE a.memberId = :m AND a.subjectType = :t AND a.subjectId = :s AND a.year = :y",
                        TeamAssignment.class)
                .setParameter("m", m.id)
                .setParameter("t", r.subjectType())
                .setParameter("s", r.subjectId())
                .setParameter("y", r.year())
                .getResultList()
                .isEmpty();
        if (twice) {
            throw ProblemException.refusal("team.assigned-already")
                    .with("name", m.name)
                    .with("subject", subjectName)
                    .with("year", String.valueOf(r.year()))
                    .conflict();
        }
        TeamAssignment a = new TeamAssignment();
        a.id = UUID.randomUUID();
        a.memberId = m.id;
        a.subjectType = r.subjectType();
        a.subjectId = r.subjectId();
        a.subjectName = subjectName;
        a.year = r.year();
        a.fte = r.fte();
        a.note = Texts.trimToNull(r.note());
        a.createdBy = caller.subject();
        a.createdAt = Instant.now();
        changeLog.record(m.assign(a, assigned(m.id, r.year()), staffAllocated, staffAssigned));
        em.persist(a);
        return view(a, m.name);
    }

    @Transactional
    public void unassign(UUID assignmentId) {
        TeamAssignment a = em.find(TeamAssignment.class, assignmentId);
        if (a == null) {
            throw ProblemException.notFound("Assignment", assignmentId);
        }
        TeamMember m = member(a.memberId, true);
        em.remove(a);
        changeLog.record(m.unassigned(a));
    }

    /** The assignments of a year, of one person or everybody's, by subject name. */
    @Transactional
    public List<AssignmentView> assignments(int year, UUID memberId) {
        var query = em.createQuery(
                        "SELECT a, m.name FROM TeamAssignment a, TeamMember m WHERE a.memberId = m.id AND a.year = :y"
                                + (memberId == null ? "" : " AND a.memberId = :m") + " ORDER BY a.subjectName, m.name",
                        Object[].class)
                .setParameter("y", year);
        if (memberId != null) {
            query.setParameter("m", memberId);
        }
        return query.getResultList().stream()
                .map(row -> view((TeamAssignment) row[0], (String) row[1]))
                .toList();
    }

    private BigDecimal assigned(UUID memberId, int year) {
        return em.createQuery(
                        "SELECT COALESCE(SUM(a.fte), 0) FROM TeamAssignment a WHERE a.memberId = :m AND a.year = :y",
                        BigDecimal.class)
                .setParameter("m", memberId)
                .setParameter("y", year)
                .getSingleResult();
    }

    /** The staff allocated from the STAFF line of a year, to one project or to all. */
    private BigDecimal staffAllocated(UUID projectId, int year) {
        var q = em.createQuery(
                        "SELECT COALESCE(SUM(a.amount), 0) FROM Allocation a, BudgetLine l WHERE a.lineId = l.id"
                                + " AND l.year = :y AND l.category = :c AND a.status = :s"
                                + (projectId == null ? "" : " AND a.subjectId = :p"),
                        BigDecimal.class)
                .setParameter("y", year)
                .setParameter("c", Category.STAFF)
                .setParameter("s", Allocation.Status.ALLOCATED);
        if (projectId != null) {
            q.setParameter("p", projectId);
        }
        return q.getSingleResult();
    }

    private TeamMember member(UUID id, boolean lock) {
        TeamMember m =
                lock ? em.find(TeamMember.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(TeamMember.class, id);
        if (m == null) {
            throw ProblemException.notFound("Team member", id);
        }
        return m;
    }

    private static MemberView view(TeamMember m, int year, List<AssignmentView> assignments) {
        BigDecimal capacity = m.capacity.getOrDefault(year, BigDecimal.ZERO);
        BigDecimal assigned = assignments.stream().map(AssignmentView::fte).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new MemberView(
                m.id,
                m.name,
                m.role,
                m.email,
                m.capacity.entrySet().stream()
                        .map(e -> new YearCapacity(e.getKey(), e.getValue()))
                        .toList(),
                capacity,
                assigned,
                capacity.subtract(assigned),
                assignments,
                m.version);
    }

    private static AssignmentView view(TeamAssignment a, String memberName) {
        return new AssignmentView(
                a.id, a.memberId, memberName, a.subjectType, a.subjectId, a.subjectName, a.year, a.fte, a.note);
    }
}
