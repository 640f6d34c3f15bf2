package de.kielregion.kooperation.platform.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure means the database could not be reached for a moment (restarting, paused, all
 * connections taken) rather than that the work itself is wrong. Such a failure goes away by itself:
 * a request is answered 503 with {@code Retry-After}, an event is tried again until it applies
 * (never dead-lettered for it).
 *
 * <p>Recognised: SQLSTATE class 08 (connection exception), 57P01/57P02/57P03 (the server shuts
 * down or starts: "admin shutdown", "crash shutdown", "cannot connect now"), 53300 (too many
 * connections), a {@link SQLTransientConnectionException}, and the connection pool's acquisition
 * timeout (Agroal raises a plain {@link SQLException} for it).
 */
public final class DatabaseUnavailable {

    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {}

    /**
     * Whether {@code failure}, one of its causes or an exception suppressed on the way (a failed
     * commit carries the driver's error as suppressed) says the database is unavailable.
     */
    public static boolean causedBy(Throwable failure) {
        return causedBy(failure, 0);
    }

    private static boolean causedBy(Throwable failure, int depth) {
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || STATES.contains(state))) {
                    return true;
                }
                String message = sql.getMessage();
                if (state == null
                        && message != null
                        && message.toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                    return true;
                }
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (causedBy(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
