package de.kielregion.kooperation.platform.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    /**
     * Found by the fault campaign (seed 20261208): a commit that lost its connection failed with
     * Narayana's RollbackException, the driver's error only suppressed on it, and was a 500.
     */
    @Test
    void seed20261208ACommitWhoseConnectionBrokeCarriesTheCauseAsSuppressed() {
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertTrue(DatabaseUnavailable.causedBy(new IllegalStateException(rollback)));
    }

    @Test
    void connectionStatesShutdownsAndThePoolsTimeoutCountOthersDoNot() {
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("too many", "53300"))));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("Sorry, acquisition timeout!")));
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("no database involved")));
    }
}
