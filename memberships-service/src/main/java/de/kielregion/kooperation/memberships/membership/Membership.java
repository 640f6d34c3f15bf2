package de.kielregion.kooperation.memberships.membership;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.contracts.memberships.MembershipStatusChanged;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The membership of KielRegion or a shareholder in an organisation. */
@Entity
@Table(name = "membership")
public class Membership {

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
    public MembershipStatusChanged moveByHand(MembershipStatus to, LocalDate today, String organisationAcronym) {
        Set<MembershipStatus> allowed = status.manualNext();
        if (!allowed.contains(to)) {
            throw ProblemException.conflict(
                    "A membership in status " + status + " cannot be set to " + to + " by hand; allowed: "
                            + (allowed.isEmpty() ? "none (decisions and funding move it)" : allowed),
                    Map.of("currentStatus", status, "allowed", allowed));
        }
        if (to == MembershipStatus.ENDED && endDate != null && today.isBefore(endDate)) {
            throw ProblemException.conflict(
                    "The membership runs until " + endDate + "; it can end on or after that day");
        }
        return moveTo(to, null, null, organisationAcronym);
    }

    /** Moves the membership as a decision or the funding answer says; returns the event that tells the others. */
    public MembershipStatusChanged moveTo(
            MembershipStatus to, UUID decisionId, String note, String organisationAcronym) {
        MembershipStatus from = status;
        status = to;
        updatedAt = Instant.now();
        return new MembershipStatusChanged(
                id, holder, organisationId, organisationAcronym, from.name(), to.name(), decisionId, note);
    }

    /** Checks that a decision of this kind can be taken now: JOIN or DECLINE while undecided, TERMINATE while ACTIVE. */
    public void requireDecidable(MembershipDecision.Kind kind) {
        switch (kind) {
            case JOIN, DECLINE -> {
                if (!status.awaitsDecision()) {
                    throw ProblemException.conflict(
                            "A " + kind + " decision needs a membership in CANDIDATE or UNDER_REVIEW, but it is "
                                    + status,
                            Map.of("currentStatus", status));
                }
            }
            case TERMINATE -> {
                if (status != MembershipStatus.ACTIVE) {
                    throw ProblemException.conflict(
                            "A TERMINATE decision needs an ACTIVE membership, but it is " + status,
                            Map.of("currentStatus", status));
                }
            }
        }
    }

    /**
     * An approved TERMINATE decision: notice is given on {@code decidedOn}, and the membership
     * ends with the term that this notice still reaches.
     */
    public MembershipStatusChanged giveNotice(LocalDate decidedOn, UUID decisionId, String organisationAcronym) {
        if (renewalDate == null) {
            throw ProblemException.conflict("The membership has no renewal date; set it before giving notice");
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
    public MembershipStatusChanged start(LocalDate today, UUID decisionId, String note, String organisationAcronym) {
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

    /** The fee request was refused: the membership keeps waiting, with the reason visible. */
    public void fundingRefused(String reason) {
        pendingRequest = null;
        fundingNote = reason == null || reason.isBlank() ? "The fee request was refused" : reason;
        updatedAt = Instant.now();
    }
}
