package de.kielregion.kooperation.memberships.membership;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The fee run over 1,000 active memberships (250 organisations × 4 shareholders) for 5 years: the
 * first run of a year asks 1,000 times (1,000 rows, 1,000 events in the outbox), a rerun asks
 * nothing. Prints the figures, asserts nothing about time:
 *
 * <pre>./mvnw -B -pl memberships-service -am verify -Pbenchmark -Dtest=FeeRunBenchmark</pre>
 */
@QuarkusTest
class FeeRunBenchmark {

    private static final String[] HOLDERS = {"KIEL", "RENDSBURG_ECKERNFOERDE", "PLOEN", "KIELREGION"};

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MembershipFeeYears feeYears;

    @Test
    void oneThousandMembershipsFiveYears() throws Exception {
        seed(250);
        StringBuilder report = new StringBuilder("Fee run, 1,000 active memberships:\n");
        for (int year = 2031; year < 2036; year++) {
            long start = System.nanoTime();
            var first = feeYears.run(year);
            long firstMs = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            var again = feeYears.run(year);
            long againMs = (System.nanoTime() - start) / 1_000_000;
            report.append(String.format(
                    "  %d: first run %,d ms (%d requested), rerun %,d ms (%d requested, %d before)%n",
                    year, firstMs, first.requested(), againMs, again.requested(), again.requestedBefore()));
        }
        System.out.println("\n" + report);
    }

    private void seed(int organisations) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection();
                PreparedStatement org =
                        c.prepareStatement("INSERT INTO organisation (id, name, acronym, kind, seat_country,"
                                + " fee_model, created_at, updated_at, version) VALUES (?, ?, ?, 'CITY_NETWORK', 'DE',"
                                + " '{\"type\":\"FLAT\",\"flatFee\":1500.00}'::jsonb, ?, ?, 0)");
                PreparedStatement membership = c.prepareStatement("INSERT INTO membership (id, holder, organisation_id,"
                        + " status, start_date, term_months, notice_period, created_at, updated_at, version)"
                        + " VALUES (?, ?, ?, 'ACTIVE', DATE '2030-01-01', 12, 'P3M', ?, ?, 0)");
                PreparedStatement fee = c.prepareStatement("INSERT INTO membership_fee (id, membership_id, yearly_fee,"
                        + " valid_from) VALUES (?, ?, 1500.00, DATE '2030-01-01')")) {
            for (int o = 0; o < organisations; o++) {
                UUID orgId = UUID.randomUUID();
                org.setObject(1, orgId);
                org.setString(2, "Netzwerk " + o);
                org.setString(3, "B" + UUID.randomUUID().toString().substring(0, 8));
                org.setTimestamp(4, now);
                org.setTimestamp(5, now);
                org.addBatch();
                for (String holder : HOLDERS) {
                    UUID id = UUID.randomUUID();
                    membership.setObject(1, id);
                    membership.setString(2, holder);
                    membership.setObject(3, orgId);
                    membership.setTimestamp(4, now);
                    membership.setTimestamp(5, now);
                    membership.addBatch();
                    fee.setObject(1, UUID.randomUUID());
                    fee.setObject(2, id);
                    fee.addBatch();
                }
            }
            org.executeBatch();
            membership.executeBatch();
            fee.executeBatch();
        }
    }
}
