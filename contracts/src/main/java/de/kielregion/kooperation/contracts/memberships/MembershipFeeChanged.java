package de.kielregion.kooperation.contracts.memberships;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** {@code cooperation.membership.fee-changed.v1} (key: membership id): a new yearly fee from a day on. */
public record MembershipFeeChanged(
        UUID membershipId, UUID organisationId, BigDecimal yearlyFee, LocalDate validFrom, BigDecimal previousFee) {}
