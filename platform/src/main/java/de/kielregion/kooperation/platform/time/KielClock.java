package de.kielregion.kooperation.platform.time;

import de.kielregion.kooperation.platform.text.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;
import java.time.Clock;

/**
 * The day is Kiel's day: bean validation's {@code @PastOrPresent} and {@code @FutureOrPresent}
 * compare with Kiel's date, not the server's (a decision taken at 00:30 in Kiel is today's,
 * while a server on UTC still has yesterday). Quarkus' Hibernate Validator takes the
 * {@link ClockProvider} bean.
 */
@ApplicationScoped
public class KielClock implements ClockProvider {

    @Override
    public Clock getClock() {
        return Clock.system(Wording.ZONE);
    }
}
