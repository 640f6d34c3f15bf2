package de.kielregion.kooperation.projects.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A membership as memberships-service reports it: holder, organisation, status, fee. */
@Entity
@Table(name = "membership_replica")
public class MembershipReplica {

    @Id
    public UUID id;

    public String holder;

    public String organisation;

    public String status;

    @Column(name = "yearly_fee")
    public BigDecimal yearlyFee;

    /** The last day to give notice, as memberships-service last told (for the calendar feeds). */
    @Column(name = "last_notice_day")
    public java.time.LocalDate lastNoticeDay;

    @Column(name = "term_months")
    public Integer termMonths;

    @Column(name = "organisation_name")
    public String organisationName;

    @Column(name = "notice_period")
    public String noticePeriod;

    /** The working groups and networks it takes part in, as one line. */
    @Column(name = "working_groups")
    public String workingGroups;

    @Column(name = "start_date")
    public java.time.LocalDate startDate;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** How a person names it: "Mitgliedschaft in UBC (KielRegion)". */
    public String name() {
        return "Mitgliedschaft in " + organisation + " ("
                + de.kielregion.kooperation.platform.text.Wording.GERMAN.label("Shareholder", holder) + ")";
    }
}
