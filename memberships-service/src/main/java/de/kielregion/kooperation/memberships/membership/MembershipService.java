package de.kielregion.kooperation.memberships.membership;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.memberships.membership.MembershipApi.Evaluation;
import de.kielregion.kooperation.memberships.membership.MembershipApi.FeeChange;
import de.kielregion.kooperation.memberships.membership.MembershipApi.FeeView;
import de.kielregion.kooperation.memberships.membership.MembershipApi.MembershipRequest;
import de.kielregion.kooperation.memberships.membership.MembershipApi.MembershipView;
import de.kielregion.kooperation.memberships.organisation.Organisation;
import de.kielregion.kooperation.memberships.organisation.OrganisationService;
import de.kielregion.kooperation.platform.audit.Audit;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.json.JsonColumns;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.security.Caller;
import de.kielregion.kooperation.platform.security.Roles;
import de.kielregion.kooperation.platform.text.Texts;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.platform.web.ListQuery;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.platform.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Memberships: proposal, details, status moves by hand, fees with their history. Decisions are
 * {@link MembershipDecisions}', the fee's funding {@link MembershipFunding}'s.
 */
@ApplicationScoped
public class MembershipService {

    public static final Map<String, String> SORTABLE = Map.of(
            "holder", "m.holder", "status", "m.status", "renewalDate", "m.renewalDate", "updatedAt", "m.updatedAt");
    private static final String DEFAULT_NOTICE = "P3M";
    private static final int DEFAULT_TERM = 12;

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Audit audit;
    private final Caller caller;
    private final OrganisationService organisations;
    private final ObjectMapper mapper;
    private final MembershipFees fees;
    private final MembershipViews views;
    private final MembershipMoves moves;

    MembershipService(
            EntityManager em,
            ChangeLog changeLog,
            Audit audit,
            Caller caller,
            OrganisationService organisations,
            ObjectMapper mapper,
            MembershipFees fees,
            MembershipViews views,
            MembershipMoves moves) {
        this.moves = moves;
        this.fees = fees;
        this.views = views;
        this.em = em;
        this.changeLog = changeLog;
        this.audit = audit;
        this.caller = caller;
        this.organisations = organisations;
        this.mapper = mapper;
    }

    @Transactional
    public Page<MembershipView> list(
            Shareholder holder, UUID organisationId, MembershipStatus status, PageQuery paging) {
        return query(holder, organisationId, status)
                .page(em, paging, SORTABLE, "holder")
                .map(views::of);
    }

    @Transactional
    public List<MembershipView> all(Shareholder holder, UUID organisationId, MembershipStatus status) {
        return query(holder, organisationId, status).all(em, new PageQuery(0, 1, null), SORTABLE, "holder").stream()
                .map(views::of)
                .toList();
    }

    private static ListQuery<Membership> query(Shareholder holder, UUID organisationId, MembershipStatus status) {
        return ListQuery.of(Membership.class, "m")
                .where("m.holder = :holder", "holder", holder)
                .where("m.organisationId = :org", "org", organisationId)
                .where("m.status = :status", "status", status);
    }

    @Transactional
    public MembershipView get(UUID id) {
        return views.of(moves.find(id));
    }

    @Transactional
    public MembershipView propose(MembershipRequest r) {
        caller.requireMayWriteFor(r.holder());
        Organisation organisation = organisations.find(r.organisationId());
        MembershipStatus status = r.status() == null ? MembershipStatus.CANDIDATE : r.status();
        if (status != MembershipStatus.CANDIDATE && status != MembershipStatus.ACTIVE) {
            throw ProblemException.refusal("membership.status-for-proposal").invalid("status");
        }
        if (status == MembershipStatus.ACTIVE) {
            if (!caller.hasRole(Roles.COORDINATOR) && !caller.hasRole(Roles.ADMIN)) {
                throw ProblemException.refusal("membership.record-active-needs-coordinator")
                        .forbidden();
            }
            if (r.startDate() == null || r.renewalDate() == null || r.yearlyFee() == null) {
                String missing =
                        r.startDate() == null ? "startDate" : r.renewalDate() == null ? "renewalDate" : "yearlyFee";
                throw ProblemException.refusal("membership.required-to-record-active")
                        .invalid(missing);
            }
        }
        Long open = em.createQuery(
                        "SELECT count(m) FROM Membership m WHERE m.holder = :h AND m.organisationId = :o "
                                + "AND m.status NOT IN :closed",
                        Long.class)
                .setParameter("h", r.holder())
                .setParameter("o", r.organisationId())
                .setParameter("closed", EnumSet.of(MembershipStatus.ENDED, MembershipStatus.DECIDED_DECLINE))
                .getSingleResult();
        if (open > 0) {
            throw ProblemException.refusal("membership.already-open")
                    .with("holder", r.holder())
                    .with("organisation", organisation.acronym)
                    .conflict();
        }
        Membership m = new Membership();
        m.id = UUID.randomUUID();
        m.holder = r.holder();
        m.organisationId = organisation.id;
        m.status = status;
        m.createdAt = Instant.now();
        m.updatedAt = m.createdAt;
        applyDetails(m, r, organisation);
        em.persist(m);
        if (r.yearlyFee() != null) {
            fees.add(m.id, r.yearlyFee(), m.startDate != null ? m.startDate : LocalDate.now(Wording.ZONE));
        }
        return changeLog.record(m.proposed(organisation, () -> fees.current(m.id)), null, () -> views.of(m));
    }

    @Transactional
    public MembershipView update(UUID id, MembershipRequest r, String ifMatch) {
        Membership m = moves.find(id);
        caller.requireMayWriteFor(m.holder);
        Versions.requireCurrent(ifMatch, r.version(), m.version, "Membership " + id);
        if (r.holder() != m.holder || !r.organisationId().equals(m.organisationId)) {
            throw ProblemException.refusal("membership.holder-and-organisation-fixed")
                    .invalid(r.holder() != m.holder ? "holder" : "organisationId");
        }
        if (r.status() != null && r.status() != m.status) {
            throw ProblemException.refusal("membership.status-changes-elsewhere")
                    .with("id", id)
                    .invalid("status");
        }
        BigDecimal fee = fees.current(id);
        if (r.yearlyFee() != null && (fee == null || fee.compareTo(r.yearlyFee()) != 0)) {
            throw ProblemException.refusal("membership.fee-changes-elsewhere")
                    .with("id", id)
                    .invalid("yearlyFee");
        }
        MembershipView before = views.of(m);
        Organisation organisation = organisations.find(m.organisationId);
        applyDetails(m, r, organisation);
        Map<String, Object> changes = audit.diff(before, views.of(m));
        if (changes.isEmpty()) {
            return before;
        }
        changeLog.record(m.updated(organisation, () -> fee), changes);
        return views.of(m);
    }

    private void applyDetails(Membership m, MembershipRequest r, Organisation organisation) {
        checkYear(r.startDate(), "startDate");
        checkYear(r.renewalDate(), "renewalDate");
        boolean running = m.status == MembershipStatus.ACTIVE || m.status == MembershipStatus.NOTICE_GIVEN;
        if (running && (r.startDate() == null || r.renewalDate() == null)) {
            throw ProblemException.refusal("membership.dates-required-while-running")
                    .with("status", m.status)
                    .invalid(r.startDate() == null ? "startDate" : "renewalDate");
        }
        m.startDate = r.startDate();
        m.termMonths = r.termMonths() == null ? DEFAULT_TERM : r.termMonths();
        m.renewalDate = r.renewalDate();
        if (m.startDate != null && m.renewalDate != null && !m.renewalDate.isAfter(m.startDate)) {
            throw ProblemException.refusal("membership.renewal-after-start")
                    .with("startDate", m.startDate)
                    .invalid("renewalDate");
        }
        String notice = r.noticePeriod() == null ? DEFAULT_NOTICE : r.noticePeriod();
        Period period = parsePeriod(notice, "noticePeriod");
        LocalDate reference = LocalDate.of(2000, 1, 1);
        if (period.isZero() || !reference.minus(period).isAfter(reference.minusMonths(m.termMonths))) {
            throw ProblemException.refusal("membership.notice-shorter-than-term")
                    .with("termMonths", m.termMonths)
                    .invalid("noticePeriod");
        }
        m.noticePeriod = notice;
        m.contactPerson = Texts.trimToNull(r.contactPerson());
        m.expectedBenefits = Texts.trimToNull(r.expectedBenefits());
        m.obligations = Texts.trimToNull(r.obligations());
        Set<String> groups = new TreeSet<>();
        if (r.workingGroups() != null) {
            for (String g : r.workingGroups()) {
                if (!organisation.workingGroups.contains(g.trim())) {
                    throw ProblemException.refusal("membership.unknown-working-group")
                            .with("group", g)
                            .with("organisation", organisation.acronym)
                            .with("groups", new TreeSet<>(organisation.workingGroups))
                            .invalid("workingGroups");
                }
                groups.add(g.trim());
            }
        }
        if (!m.workingGroups.equals(groups)) {
            m.workingGroups.clear();
            m.workingGroups.addAll(groups);
        }
        if (r.evaluation() != null) {
            checkEvaluation(r.evaluation());
        }
        m.evaluation = r.evaluation() == null ? null : JsonColumns.write(mapper, r.evaluation());
    }

    private static void checkEvaluation(Evaluation e) {
        Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < e.criteria().size(); i++) {
            if (!keys.add(e.criteria().get(i).key())) {
                throw ProblemException.refusal("membership.criterion-twice")
                        .invalid("evaluation.criteria[" + i + "].key");
            }
        }
        Set<String> scored = new java.util.HashSet<>();
        for (int i = 0; i < e.scores().size(); i++) {
            String criterion = e.scores().get(i).criterion();
            if (!keys.contains(criterion)) {
                throw ProblemException.refusal("membership.unknown-criterion")
                        .with("criterion", criterion)
                        .with("criteria", new TreeSet<>(keys))
                        .invalid("evaluation.scores[" + i + "].criterion");
            }
            if (!scored.add(criterion)) {
                throw ProblemException.refusal("membership.criterion-scored-twice")
                        .invalid("evaluation.scores[" + i + "].criterion");
            }
        }
    }

    /** Status changes a coordinator may make by hand; the others follow decisions and funding. */
    @Transactional
    public MembershipView changeStatus(UUID id, MembershipStatus to, Long version) {
        Membership m = moves.find(id);
        caller.requireMayWriteFor(m.holder);
        if (version != null) {
            Versions.requireCurrent(null, version, m.version, "Membership " + id);
        }
        changeLog.record(m.moveByHand(to, LocalDate.now(Wording.ZONE), moves.acronymOf(m)));
        return views.of(m);
    }

    // Fees

    @Transactional
    public List<FeeView> fees(UUID id) {
        moves.find(id);
        return fees.rows(id).stream()
                .map(f -> new FeeView(f.yearlyFee, f.validFrom, f.validTo))
                .toList();
    }

    @Transactional
    public List<FeeView> changeFee(UUID id, FeeChange change) {
        Membership m = moves.find(id);
        // Fee changes of one membership one after another: each closes the fee the previous one left open.
        em.lock(m, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        caller.requireMayWriteFor(m.holder);
        List<MembershipFee> rows = fees.rows(id);
        MembershipFee current = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        if (current != null && !change.validFrom().isAfter(current.validFrom)) {
            throw ProblemException.refusal("membership.fee-history-not-rewritten")
                    .with("currentFrom", current.validFrom)
                    .invalid("validFrom");
        }
        if (current != null) {
            current.validTo = change.validFrom().minusDays(1);
            em.flush(); // close it before the new open fee is inserted (one open fee per membership)
        }
        fees.add(id, change.yearlyFee(), change.validFrom());
        changeLog.record(
                m.feeChanged(change.yearlyFee(), change.validFrom(), current == null ? null : current.yearlyFee));
        return fees(id);
    }

    // Deadlines

    private static void checkYear(LocalDate date, String field) {
        if (date != null && (date.getYear() < 1950 || date.getYear() > 2200)) {
            throw ProblemException.refusal("membership.year-out-of-range").invalid(field);
        }
    }

    static Period parsePeriod(String value, String field) {
        try {
            Period period = Period.parse(value);
            if (period.isNegative()) {
                throw ProblemException.refusal("membership.period-negative").invalid(field);
            }
            if (period.toTotalMonths() > 120 || period.getDays() > 3660) {
                throw ProblemException.refusal("membership.period-too-long").invalid(field);
            }
            return period;
        } catch (DateTimeParseException | ArithmeticException e) {
            throw ProblemException.refusal("membership.period-unreadable")
                    .with("value", value)
                    .invalid(field);
        }
    }
}
