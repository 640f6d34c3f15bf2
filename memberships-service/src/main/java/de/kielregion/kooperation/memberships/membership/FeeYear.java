package de.kielregion.kooperation.memberships.membership;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.contracts.memberships.MembershipFeePaid;
import de.kielregion.kooperation.memberships.MembershipEvents;
import de.kielregion.kooperation.platform.changes.Aggregate;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.text.Wording;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A year of a membership's fee: requested from that year's budget (see {@link MembershipFeeYears}),
 * invoiced by the organisation, paid. Its rules: an invoice once the year is paid no more (409); a
 * payment needs the invoice (409) and the year's fee funded (409), is never more than the fee (a
 * higher invoice needs a fee change first: 409), falls in the fee's year (whose budget pays it:
 * 400) and is made once (409). Paying raises
 * MembershipFeePaid, which projects-service counts as spent.
 */
@Entity
@Table(name = "membership_fee_year")
@IdClass(FeeYear.Key.class)
public class FeeYear implements Aggregate {

    public record Key(UUID membershipId, int year) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "membership_id")
    public UUID membershipId;

    @Id
    public int year;

    @Column(name = "request_id")
    public UUID requestId;

    public BigDecimal fee;

    public String status;

    public String reason;

    @Column(name = "invoice_number")
    public String invoiceNumber;

    @Column(name = "invoiced_on")
    public LocalDate invoicedOn;

    @Column(name = "invoice_amount")
    public BigDecimal invoiceAmount;

    @Column(name = "payable_by")
    public LocalDate payableBy;

    @Column(name = "paid_on")
    public LocalDate paidOn;

    @Column(name = "paid_amount")
    public BigDecimal paidAmount;

    @Version
    public long version;

    @Override
    public String aggregateType() {
        return MembershipEvents.MEMBERSHIP;
    }

    @Override
    public Object aggregateId() {
        return membershipId;
    }

    /** The organisation's invoice for the year: not once it is paid (409); payable by a day not before it (400). */
    public Change invoice(String number, LocalDate on, BigDecimal amount, LocalDate by) {
        requireUnpaid();
        if (by.isBefore(on)) {
            throw ProblemException.refusal("fee.payable-before-invoice").invalid("payableBy");
        }
        invoiceNumber = number;
        invoicedOn = on;
        invoiceAmount = amount;
        payableBy = by;
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("year", year);
        history.put("invoiceNumber", number);
        history.put("invoicedOn", on);
        history.put("amount", amount);
        history.put("payableBy", by);
        return Change.historyOnly(this, "FeeInvoiced").withHistory(history);
    }

    /**
     * The year's fee is paid: it needs the invoice (409), the fee funded from the year's budget
     * (409), not more than the fee (409), not before the invoice (400), and once (409).
     */
    public Change pay(LocalDate on, BigDecimal amount, String organisationAcronym, Shareholder holder) {
        requireUnpaid();
        Wording words = Wording.GERMAN;
        if (invoicedOn == null) {
            throw ProblemException.refusal("fee.not-invoiced")
                    .with("year", String.valueOf(year))
                    .conflict();
        }
        if (!MembershipFeeYears.Status.ALLOCATED.name().equals(status)) {
            throw ProblemException.refusal("fee.not-funded")
                    .with("year", String.valueOf(year))
                    .with("status", words.label("FeeYearStatus", status))
                    .conflict();
        }
        if (amount.compareTo(fee) > 0) {
            throw ProblemException.refusal("fee.paid-more")
                    .with("year", String.valueOf(year))
                    .amount("amount", amount, "EUR")
                    .amount("fee", fee, "EUR")
                    .conflict();
        }
        if (on.getYear() != year) {
            throw ProblemException.refusal("fee.paid-other-year")
                    .with("year", String.valueOf(year))
                    .with("date", words.date(on))
                    .invalid("paidOn");
        }
        if (on.isBefore(invoicedOn)) {
            throw ProblemException.refusal("fee.paid-before-invoice")
                    .with("date", words.date(invoicedOn))
                    .invalid("paidOn");
        }
        paidOn = on;
        paidAmount = amount;
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("year", year);
        history.put("paidOn", on);
        history.put("amount", amount);
        return Change.of(
                        this,
                        "FeePaid",
                        EventTypes.MEMBERSHIP_FEE_PAID,
                        () -> new MembershipFeePaid(
                                membershipId, organisationAcronym, holder, year, requestId, amount, on, invoiceNumber))
                .withHistory(history);
    }

    private void requireUnpaid() {
        if (paidOn != null) {
            throw ProblemException.refusal("fee.paid-already")
                    .with("year", String.valueOf(year))
                    .with("date", Wording.GERMAN.date(paidOn))
                    .conflict();
        }
    }

    /** Whether the invoice is not paid by its day. */
    public boolean overdue(LocalDate today) {
        return invoicedOn != null && paidOn == null && payableBy != null && payableBy.isBefore(today);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeeYear f && Objects.equals(membershipId, f.membershipId) && year == f.year;
    }

    @Override
    public int hashCode() {
        return Objects.hash(membershipId, year);
    }
}
