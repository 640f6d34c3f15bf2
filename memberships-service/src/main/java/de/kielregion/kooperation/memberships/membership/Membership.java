package de.kielregion.kooperation.memberships.membership;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.contracts.memberships.MembershipChanged;
import de.kielregion.kooperation.contracts.memberships.MembershipFeeChanged;
import de.kielregion.kooperation.contracts.memberships.MembershipStatusChanged;
import de.kielregion.kooperation.contracts.resources.ResourcesRequested;
import de.kielregion.kooperation.memberships.MembershipEvents;
import de.kielregion.kooperation.memberships.organisation.Organisation;
import de.kielregion.kooperation.platform.changes.Aggregate;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.text.Wording;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The membership of KielRegion or a shareholder in an organisation. */
@Entity
@Table(name = "membership")
public class Membership implements Aggregate {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Shareholder holder;

    @Column(name = "organisation_id")
    public UUID organisationId;

    @Enumerated(EnumType.STRING)
    public MembershipStatus status;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "term_months")
    public int termMonths;

    /** The first renewal date; later ones follow every term (see NoticeDeadlines). */
    @Column(name = "renewal_date")
    public LocalDate renewalDate;

    /** ISO 8601 period, e.g. P3M. */
    @Column(name = "notice_period")
    public String noticePeriod;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "contact_person")
    public String contactPerson;

    @Column(name = "expected_benefits")
    public String expectedBenefits;

    public String obligations;

    /** The cost-benefit evaluation (criteria and scores) as JSON, or null. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String evaluation;

    /** Why the membership still waits for funding (the reason of a rejected fee request). */
    @Column(name = "funding_note")
    public String fundingNote;

    /** The fee request awaiting its answer; answers to other (older) requests are ignored. */
    @Column(name = "pending_request")
    public UUID pendingRequest;

    @ElementCollection
    @CollectionTable(name = "membership_working_group", joinColumns = @JoinColumn(name = "membership_id"))
    @Column(name = "working_group")
    public Set<String> workingGroups = new TreeSet<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * Changes the status by hand, as far as the lifecycle allows it (decisions and funding move
     * it otherwise); an illegal move, or ending before the end date, is a 409.
     */
    public Change moveByHand(MembershipStatus to, LocalDate today, String organisationAcronym) {
        Set<MembershipStatus> allowed = status.manualNext();
        if (!allowed.contains(to)) {
            throw ProblemException.refusal(
                            allowed.isEmpty() ? "membership.move-only-by-decision" : "membership.move-not-allowed")
                    .with("currentStatus", status)
                    .with("to", to)
                    .with("allowed", allowed)
                    .conflict();
        }
        if (to == MembershipStatus.ENDED && endDate != null && today.isBefore(endDate)) {
            throw ProblemException.refusal("membership.ends-not-before-end-date")
                    .with("endDate", endDate)
                    .conflict();
        }
        return moveTo(to, null, null, organisationAcronym);
    }

    /** Moves the membership as a decision or the funding answer says; returns the change that tells the others. */
    public Change moveTo(MembershipStatus to, UUID decisionId, String note, String organisationAcronym) {
        MembershipStatus from = status;
        status = to;
        updatedAt = Instant.now();
        MembershipStatusChanged moved = new MembershipStatusChanged(
                id, holder, organisationId, organisationAcronym, from.name(), to.name(), decisionId, note);
        return Change.of(this, "StatusChanged", EventTypes.MEMBERSHIP_STATUS_CHANGED, () -> moved)
                .withHistory(ChangeLog.statusMove(from.name(), to.name(), decisionId));
    }

    /** Checks that a decision of this kind can be taken now: JOIN or DECLINE while undecided, TERMINATE while ACTIVE. */
    public void requireDecidable(MembershipDecision.Kind kind) {
        switch (kind) {
            case JOIN, DECLINE -> {
                if (!status.awaitsDecision()) {
                    throw ProblemException.refusal("membership.decision-needs-undecided")
                            .with("kind", kind)
                            .with("currentStatus", status)
                            .conflict();
                }
            }
            case TERMINATE -> {
                if (status != MembershipStatus.ACTIVE) {
                    throw ProblemException.refusal("membership.termination-needs-active")
                            .with("currentStatus", status)
                            .conflict();
                }
            }
        }
    }

    /**
     * An approved TERMINATE decision: notice is given on {@code decidedOn}, and the membership
     * ends with the term that this notice still reaches.
     */
    public Change giveNotice(LocalDate decidedOn, UUID decisionId, String organisationAcronym) {
        if (renewalDate == null) {
            throw ProblemException.refusal("membership.notice-needs-renewal-date")
                    .conflict();
        }
        endDate = NoticeDeadlines.endForNoticeOn(
                renewalDate, termMonths, java.time.Period.parse(noticePeriod), decidedOn);
        return moveTo(MembershipStatus.NOTICE_GIVEN, decisionId, "notice given; ends " + endDate, organisationAcronym);
    }

    /**
     * Asks for the fee: the membership waits for the answer to this request (a new request
     * replaces an older one, whose answer then no longer counts) and forgets an earlier refusal.
     */
    public void awaitFunding(UUID requestId) {
        pendingRequest = requestId;
        fundingNote = null;
        updatedAt = Instant.now();
    }

    /** Whether an answer to this fee request is the one the membership waits for. */
    public boolean awaitsAnswerTo(UUID requestId) {
        return status == MembershipStatus.AWAITING_FUNDING
                && (pendingRequest == null || pendingRequest.equals(requestId));
    }

    /** The fee is funded (or there is none): the membership starts, today unless a start date was agreed. */
    public Change start(LocalDate today, UUID decisionId, String note, String organisationAcronym) {
        pendingRequest = null;
        fundingNote = null;
        if (startDate == null) {
            startDate = today;
        }
        if (renewalDate == null) {
            renewalDate = startDate.plusMonths(termMonths);
        }
        return moveTo(MembershipStatus.ACTIVE, decisionId, note, organisationAcronym);
    }

    /** The fee request was refused: the membership keeps waiting, with the reason visible (only its history says so). */
    public Change fundingRefused(String reason) {
        pendingRequest = null;
        fundingNote = reason == null || reason.isBlank() ? "The fee request was refused" : reason;
        updatedAt = Instant.now();
        return Change.historyOnly(this, "FundingRejected").withHistory(Map.of("reason", fundingNote));
    }

    /**
     * Asks projects-service for the year's fee: the membership waits for the answer to this
     * request ({@link #awaitFunding}).
     */
    public Change requestFee(String organisationAcronym, int year, BigDecimal fee, UUID decisionId) {
        awaitFunding(UUID.randomUUID());
        return feeRequest("FeeRequested", organisationAcronym, year, fee, pendingRequest, decisionId);
    }

    /** The history entry {@code action} and the ResourcesRequested of a year's fee. */
    private Change feeRequest(
            String action, String organisationAcronym, int year, BigDecimal fee, UUID requestId, UUID decisionId) {
        return Change.of(
                        this,
                        action,
                        EventTypes.RESOURCES_REQUESTED,
                        () -> new ResourcesRequested(
                                requestId,
                                MembershipEvents.MEMBERSHIP,
                                id,
                                subjectName(organisationAcronym, holder),
                                holder,
                                year,
                                "MEMBERSHIP_FEES",
                                fee,
                                "EUR",
                                decisionId))
                .withHistory(Map.of("requestId", requestId, "year", year, "fee", fee));
    }

    /**
     * Asks projects-service for the fee of a later {@code year} of a running membership (the yearly
     * fee run): the membership does not wait for the answer, which its fee year keeps.
     */
    public Change yearlyFeeRequested(String organisationAcronym, int year, BigDecimal fee, UUID requestId) {
        return feeRequest("YearlyFeeRequested", organisationAcronym, year, fee, requestId, null);
    }

    /** Whether the membership runs (and owes its fee) in {@code year}: started by then, not ended before. */
    public boolean runsIn(int year) {
        return (status == MembershipStatus.ACTIVE || status == MembershipStatus.NOTICE_GIVEN)
                && startDate != null
                && startDate.getYear() <= year
                && (endDate == null || endDate.getYear() >= year);
    }

    /** A new yearly fee from {@code validFrom} on (the fee rows are the membership's; see MembershipFees). */
    public Change feeChanged(BigDecimal yearlyFee, LocalDate validFrom, BigDecimal previousFee) {
        return Change.of(
                        this,
                        "FeeChanged",
                        EventTypes.MEMBERSHIP_FEE_CHANGED,
                        () -> new MembershipFeeChanged(id, organisationId, yearlyFee, validFrom, previousFee))
                .withHistory(Map.of(
                        "yearlyFee",
                        Map.of("from", previousFee == null ? "none" : previousFee, "to", yearlyFee),
                        "validFrom",
                        validFrom));
    }

    /** The membership has been proposed (or an existing one recorded): the others learn its whole state. */
    public Change proposed(Organisation organisation, Supplier<BigDecimal> currentFee) {
        return Change.of(
                this,
                "MembershipProposed",
                EventTypes.MEMBERSHIP_PROPOSED,
                () -> changed(organisation, currentFee.get()));
    }

    /** Its details have changed (the caller has checked that something did): stamped, and told. */
    public Change updated(Organisation organisation, Supplier<BigDecimal> currentFee) {
        updatedAt = Instant.now();
        return Change.of(
                this,
                "MembershipUpdated",
                EventTypes.MEMBERSHIP_UPDATED,
                () -> changed(organisation, currentFee.get()));
    }

    /** The next renewal after {@code today}, null without a renewal date. */
    public LocalDate nextRenewal(LocalDate today) {
        return renewalDate == null ? null : NoticeDeadlines.nextRenewal(renewalDate, termMonths, today);
    }

    /** The last day notice can be given for the next end it still reaches; null unless ACTIVE with a renewal date. */
    public LocalDate lastNoticeDay(LocalDate today) {
        if (status != MembershipStatus.ACTIVE || renewalDate == null) {
            return null;
        }
        java.time.Period notice = java.time.Period.parse(noticePeriod);
        return NoticeDeadlines.lastNoticeDay(
                NoticeDeadlines.endForNoticeOn(renewalDate, termMonths, notice, today), notice);
    }

    @Override
    public String aggregateType() {
        return MembershipEvents.MEMBERSHIP;
    }

    @Override
    public Object aggregateId() {
        return id;
    }

    /** The event of its state (contracts): without the contact person, the evaluation and the notes. */
    private MembershipChanged changed(Organisation organisation, BigDecimal currentFee) {
        LocalDate today = LocalDate.now(Wording.ZONE);
        return new MembershipChanged(
                id,
                holder,
                organisationId,
                organisation.acronym,
                organisation.name,
                status.name(),
                startDate,
                termMonths,
                renewalDate,
                nextRenewal(today),
                noticePeriod,
                lastNoticeDay(today),
                endDate,
                currentFee,
                List.copyOf(new TreeSet<>(workingGroups)),
                createdAt,
                updatedAt,
                version);
    }

    /** How a person reads a membership, e.g. "Mitgliedschaft in UBC (KielRegion)" (the register, the budget). */
    public static String subjectName(String organisationAcronym, Object holder) {
        return "Mitgliedschaft in " + organisationAcronym + " (" + Wording.GERMAN.label("Shareholder", holder) + ")";
    }
}
