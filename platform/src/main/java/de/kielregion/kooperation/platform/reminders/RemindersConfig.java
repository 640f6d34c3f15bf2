package de.kielregion.kooperation.platform.reminders;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

/** {@code reminders.*}: whom to remind of what, and how long before. */
@ConfigMapping(prefix = "reminders")
public interface RemindersConfig {

    /** How often a round runs (e.g. 15m); "off" runs none (read by the scheduler). */
    @WithDefault("off")
    String every();

    /** How long after start the first round runs. */
    @WithDefault("30s")
    String delay();

    /** Addresses per audience (coordinator, decision-maker, shareholder-KIEL, ...). */
    Map<String, List<String>> recipients();

    /** Days before the deadline per kind, e.g. NOTICE_DEADLINE = 90,30,7; kinds not named use {@link #defaultLeadDays}. */
    Map<String, List<Integer>> leadDays();

    @WithDefault("7,1")
    List<Integer> defaultLeadDays();

    /** How many times a mail is tried before it is left for an operator (its row keeps the error). */
    @WithDefault("10")
    int maxAttempts();
}
