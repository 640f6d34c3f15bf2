package de.kielregion.kooperation.projects.team;

import de.kielregion.kooperation.platform.changes.Aggregate;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.problem.ProblemException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A person of KielRegion's international team with the capacity (FTE) they have for the team per
 * year. Its rules: what a person is assigned in a year never exceeds that year's capacity (an
 * assignment over it is refused, and so is lowering the capacity below what is assigned); a
 * project's assignments in a year never exceed the staff (STAFF, FTE) allocated to it for that
 * year. The service locks the person (and the project) first, so that racing assignments are
 * checked one after the other.
 */
@Entity
@Table(name = "team_member")
public class TeamMember implements Aggregate {

    @Id
    public UUID id;

    public String name;

    public String role;

    public String email;

    @Column(name = "created_at")
    public Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "team_capacity", joinColumns = @JoinColumn(name = "member_id"))
    @MapKeyColumn(name = "year")
    @Column(name = "fte")
    public Map<Integer, BigDecimal> capacity = new TreeMap<>();

    @Version
    public long version;

    @Override
    public String aggregateType() {
        return "TeamMember";
    }

    @Override
    public Object aggregateId() {
        return id;
    }

    public static TeamMember join(
            String name, String role, String email, Map<Integer, BigDecimal> capacity, Instant at) {
        TeamMember m = new TeamMember();
        m.id = UUID.randomUUID();
        m.name = name;
        m.role = role;
        m.email = email;
        m.capacity.putAll(capacity);
        m.createdAt = at;
        return m;
    }

    public Change joined() {
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("name", name);
        history.put("role", role);
        history.put("capacity", new TreeMap<>(capacity));
        return Change.historyOnly(this, "TeamMemberAdded").withHistory(history);
    }

    /** The capacity of a year: not below what the person is assigned that year (409). */
    public Change setCapacity(int year, BigDecimal fte, BigDecimal assigned) {
        if (fte.compareTo(assigned) < 0) {
            throw ProblemException.refusal("team.capacity-below-assigned")
                    .with("name", name)
                    .with("year", String.valueOf(year))
                    .amount("assigned", assigned, "FTE")
                    .amount("capacity", fte, "FTE")
                    .conflict();
        }
        BigDecimal before = capacity.put(year, fte);
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("year", year);
        history.put("capacity", Map.of("from", before == null ? BigDecimal.ZERO : before, "to", fte));
        return Change.historyOnly(this, "CapacitySet").withHistory(history);
    }

    /**
     * Assigns the person to a project or membership for a year: the year must have a capacity
     * (409), what is assigned that year plus this must fit it (409); for a project, what its
     * people are assigned that year plus this must fit the staff allocated to it ({@code staffAllocated},
     * null for a membership: 409).
     */
    public Change assign(
            TeamAssignment a, BigDecimal assignedThisYear, BigDecimal staffAllocated, BigDecimal staffAssigned) {
        BigDecimal cap = capacity.get(a.year);
        if (cap == null || cap.signum() == 0) {
            throw ProblemException.refusal("team.no-capacity")
                    .with("name", name)
                    .with("year", String.valueOf(a.year))
                    .conflict();
        }
        BigDecimal free = cap.subtract(assignedThisYear);
        if (a.fte.compareTo(free) > 0) {
            throw ProblemException.refusal("team.over-capacity")
                    .with("name", name)
                    .with("year", String.valueOf(a.year))
                    .amount("free", free.max(BigDecimal.ZERO), "FTE")
                    .amount("asked", a.fte, "FTE")
                    .conflict();
        }
        if (staffAllocated != null) {
            BigDecimal left = staffAllocated.subtract(staffAssigned);
            if (a.fte.compareTo(left) > 0) {
                throw ProblemException.refusal("team.over-staff-allocation")
                        .with("subject", a.subjectName)
                        .with("year", String.valueOf(a.year))
                        .amount("allocated", staffAllocated, "FTE")
                        .amount("left", left.max(BigDecimal.ZERO), "FTE")
                        .amount("asked", a.fte, "FTE")
                        .conflict();
            }
        }
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("assignment", a.id);
        history.put("subject", a.subjectName);
        history.put("year", a.year);
        history.put("fte", a.fte);
        return Change.historyOnly(this, "Assigned").withHistory(history);
    }

    public Change unassigned(TeamAssignment a) {
        return Change.historyOnly(this, "AssignmentEnded")
                .withHistory(Map.of("assignment", a.id, "subject", a.subjectName, "year", a.year, "fte", a.fte));
    }
}
