package de.kielregion.kooperation.memberships.membership;

import de.kielregion.kooperation.contracts.Shareholder;
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
}
