package de.kielregion.kooperation.memberships.membership;

import de.kielregion.kooperation.memberships.MembershipEvents;
import de.kielregion.kooperation.memberships.organisation.OrganisationService;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.reminders.Due;
import de.kielregion.kooperation.platform.reminders.ReminderSource;
import de.kielregion.kooperation.platform.text.Texts;
import de.kielregion.kooperation.platform.text.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The invoices and payments of the fee years: recorded on the year (its row locked: two people
 * recording the same payment record it once), paid fees announced to projects-service (spent
 * against the year's allocation), and invoices coming due reminded of (7 days, 1 day and on the
 * day they are payable by, to the coordinators and the member shareholder).
 */
@ApplicationScoped
public class FeePayments implements ReminderSource {

    private static final Wording WORDS = Wording.GERMAN;

    @Schema(description = "The organisation's invoice of a year's fee")
    public record InvoiceRequest(
            @NotBlank @Size(max = 100) @Schema(example = "UBC-2027-0142")
            String invoiceNumber,

            @NotNull @PastOrPresent LocalDate invoicedOn,

            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 2)
            BigDecimal amount,

            @NotNull @Schema(description = "The day it is payable by; not before invoicedOn")
            LocalDate payableBy) {}

    @Schema(description = "The payment of a year's fee")
    public record PaymentRequest(
            @NotNull @PastOrPresent LocalDate paidOn,

            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 2)
            BigDecimal amount) {}

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final OrganisationService organisations;
    private final MembershipFeeYears years;

    FeePayments(EntityManager em, ChangeLog changeLog, OrganisationService organisations, MembershipFeeYears years) {
        this.em = em;
        this.changeLog = changeLog;
        this.organisations = organisations;
        this.years = years;
    }

    @Transactional
    public List<MembershipFeeYears.FeeYearView> invoice(UUID membershipId, int year, InvoiceRequest r) {
        FeeYear y = year(membershipId, year);
        changeLog.record(y.invoice(r.invoiceNumber().trim(), r.invoicedOn(), r.amount(), r.payableBy()));
        return years.years(membershipId);
    }

    @Transactional
    public List<MembershipFeeYears.FeeYearView> pay(UUID membershipId, int year, PaymentRequest r) {
        FeeYear y = year(membershipId, year);
        Membership m = em.find(Membership.class, membershipId);
        changeLog.record(y.pay(r.paidOn(), r.amount(), organisations.find(m.organisationId).acronym, m.holder));
        return years.years(membershipId);
    }

    /** A year of a membership, locked; a 404 for a year never requested. */
    private FeeYear year(UUID membershipId, int year) {
        if (em.find(Membership.class, membershipId) == null) {
            throw ProblemException.notFound("Membership", membershipId);
        }
        FeeYear y = em.find(FeeYear.class, new FeeYear.Key(membershipId, year), LockModeType.PESSIMISTIC_WRITE);
        if (y == null) {
            throw ProblemException.refusal("fee.year-unknown")
                    .with("year", String.valueOf(year))
                    .notFound();
        }
        return y;
    }

    @Override
    public List<Due> due(LocalDate today) {
        return em
                .createQuery(
                        "SELECT y, m, o.acronym FROM FeeYear y, Membership m, Organisation o WHERE y.membershipId = m.id"
                                + " AND m.organisationId = o.id AND y.invoicedOn IS NOT NULL AND y.paidOn IS NULL"
                                + " AND y.payableBy >= :today ORDER BY y.payableBy",
                        Object[].class)
                .setParameter("today", today)
                .getResultList()
                .stream()
                .map(row -> {
                    FeeYear y = (FeeYear) row[0];
                    Membership m = (Membership) row[1];
                    String acronym = (String) row[2];
                    return new Due(
                            "FEE_PAYMENT",
                            MembershipEvents.MEMBERSHIP,
                            m.id.toString(),
                            "Mitgliedsbeitrag " + y.year + " " + acronym + " zahlen (Mitglied: "
                                    + WORDS.label("Shareholder", m.holder) + ")",
                            y.payableBy,
                            "Rechnung " + Texts.trimToNull(y.invoiceNumber) + " vom " + WORDS.date(y.invoicedOn)
                                    + " über " + WORDS.money(y.invoiceAmount) + ", zahlbar bis "
                                    + WORDS.date(y.payableBy) + ".",
                            List.of("coordinator", "shareholder-" + m.holder.name()));
                })
                .toList();
    }
}
