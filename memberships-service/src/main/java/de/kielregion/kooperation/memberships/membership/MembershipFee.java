package de.kielregion.kooperation.memberships.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A yearly fee of a membership and the period it is valid in (open-ended while current). */
@Entity
@Table(name = "membership_fee")
public class MembershipFee {

    @Id
    public UUID id;

    @Column(name = "membership_id")
    public UUID membershipId;

    @Column(name = "yearly_fee")
    public BigDecimal yearlyFee;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;
}
